/** Settings: the Envoke account, what is synced, preferences and the keymap. */
import { useStore } from '../store/store';
import { AccountSettings } from './AccountSettings';
import { CacheKeyNotice } from './CacheKeyNotice';
import { Dialog } from './Dialog';
import { ErrorBoundary } from './ErrorBoundary';
import { KeymapSettings } from './KeymapSettings';
import { PreferenceSettings } from './PreferenceSettings';
import { RatingSettings } from './RatingSettings';
import { ScopeSettings } from './ScopeSettings';

export function SettingsScreen() {
  const version = useStore((s) => s.info?.version);
  return (
    <Dialog title="Settings" className="settings" onClose={() => useStore.getState().closePanel()}>
      <ErrorBoundary region="account settings">
        <AccountSettings />
        <CacheKeyNotice />
      </ErrorBoundary>
      <ErrorBoundary region="sync scope">
        <ScopeSettings />
      </ErrorBoundary>
      <ErrorBoundary region="preferences">
        <PreferenceSettings />
      </ErrorBoundary>
      <ErrorBoundary region="rating values">
        <RatingSettings />
      </ErrorBoundary>
      <ErrorBoundary region="keymap">
        <KeymapSettings />
      </ErrorBoundary>
      <p className="muted">Lead Triage {version ?? ''} · Esc closes</p>
    </Dialog>
  );
}
