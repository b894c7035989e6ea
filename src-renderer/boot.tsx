/** Draws the triage window and connects it to the core; `main.tsx` calls this once. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { errorMessage } from './controller/errors';
import { start } from './controller/startup';
import { useStore } from './store/store';

export function boot(): void {
  // Anything that escapes a handler becomes a sentence on screen, never a silent failure.
  window.addEventListener('unhandledrejection', (event) => {
    useStore.getState().addToast('error', errorMessage(event.reason));
  });
  start();
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}
