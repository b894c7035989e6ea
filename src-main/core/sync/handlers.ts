/**
 * The sync's commands: a sync now, its status, which leads it keeps (a changed scope starts a
 * pull), and the Envoke account the last full sync read.
 */
import type { SyncCommandName } from '#contract/commands';
import type { HandlerMap } from '../core-context';
import type { Store } from '../tables/store';
import { saveScope } from './scope';
import type { SyncEngine } from './sync-engine';

export function syncHandlers(store: Store, engine: SyncEngine): HandlerMap<SyncCommandName> {
  return {
    'sync:run-now': () => {
      engine.runNow();
      return { ok: true };
    },
    'sync:status': () => engine.status(),
    'sync:scope-get': () => store.syncState.get('scope'),
    'sync:scope-set': (input) => {
      if (saveScope(store, input)) engine.scopeChanged();
      return { ok: true };
    },
    'envoke:account': () => ({
      name: store.syncState.get('accountName'),
      customFields: store.syncState.get('customFields'),
    }),
  };
}
