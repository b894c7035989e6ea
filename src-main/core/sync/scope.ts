/**
 * `sync:scope-get` / `sync:scope-set`: what the person keeps on this laptop. The scope arrives
 * parsed at the gate (SyncScopeInputSchema): statuses in canonical spelling, each value once.
 */
import type { SyncScope } from '#contract/dto';
import type { Store } from '../tables/store';
import { scopeKey } from './scope-filter';

/** Saves the scope; true when it differs from the one before. */
export function saveScope(store: Store, scope: SyncScope): boolean {
  const before = store.syncState.get('scope');
  store.syncState.set('scope', scope);
  return scopeKey(before) !== scopeKey(scope);
}
