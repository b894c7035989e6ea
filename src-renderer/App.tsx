/** The triage window: views, list, detail and status bar, with panels over them. */
import { useEffect } from 'react';
import { DetailPane } from './components/DetailPane';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FirstRunProgress } from './components/FirstRunProgress';
import { LeadList } from './components/LeadList';
import { ListHeader } from './components/ListHeader';
import { Panels } from './components/Panels';
import { QueryBar } from './components/QueryBar';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { useWindowTitle } from './components/WindowTitle';
import { useKeyboard } from './keymap/use-keyboard';
import { useStore } from './store/store';

/** "system" leaves the colours to prefers-color-scheme; light or dark pins them. */
function useTheme(): void {
  const theme = useStore((s) => s.prefs.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

export function App() {
  useKeyboard();
  useTheme();
  useWindowTitle();
  useEffect(() => {
    document.getElementById('lead-list')?.focus();
  }, []);
  return (
    <div className="app">
      {/* The page's one level-one heading, for screen readers; the window title shows it. */}
      <h1 className="visually-hidden">Lead Triage</h1>
      <main className="main">
        <ErrorBoundary region="views">
          <Sidebar />
        </ErrorBoundary>
        <section className="list-pane" aria-label="Lead list">
          <ErrorBoundary region="lead list">
            <QueryBar />
            <ListHeader />
            <FirstRunProgress />
            <LeadList />
          </ErrorBoundary>
        </section>
        <ErrorBoundary region="lead details">
          <DetailPane />
        </ErrorBoundary>
      </main>
      <ErrorBoundary region="status bar">
        <StatusBar />
      </ErrorBoundary>
      <Panels />
      <Toasts />
    </div>
  );
}
