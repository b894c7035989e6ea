/**
 * Settings: the Envoke account, what is synced, preferences and the keymap. Esc closes, but not
 * over account details typed and not saved: it asks first, and a second Esc drops them.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/store';
import { AccountSettings } from './AccountSettings';
import { CacheKeyNotice } from './CacheKeyNotice';
import { Dialog } from './Dialog';
import { ErrorBoundary } from './ErrorBoundary';
import { KeymapSettings } from './KeymapSettings';
import { PreferenceSettings } from './PreferenceSettings';
import { RatingSettings } from './RatingSettings';
import { ScopeSettings } from './ScopeSettings';

function DropAsk({ onKeep, onDrop }: { onKeep(): void; onDrop(): void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="drop-ask" role="alert">
      <p>The account details you typed are not saved. Esc again drops them.</p>
      <div className="dialog-actions">
        <button ref={keep} type="button" className="primary" onClick={onKeep}>
          Keep editing
        </button>
        <button type="button" onClick={onDrop}>
          Drop them and close
        </button>
      </div>
    </div>
  );
}

export function SettingsScreen() {
  const version = useStore((s) => s.info?.version);
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => useStore.getState().closePanel();
  return (
    <Dialog
      title="Settings"
      className="settings"
      onClose={() => (dirty && !asking ? setAsking(true) : close())}
    >
      {asking ? (
        <DropAsk
          onDrop={close}
          onKeep={() => {
            setAsking(false);
            document.querySelector<HTMLElement>('.settings [data-autofocus]')?.focus();
          }}
        />
      ) : null}
      <ErrorBoundary region="account settings">
        <AccountSettings onDirty={setDirty} />
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
