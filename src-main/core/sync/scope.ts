/** `sync:scope-get` / `sync:scope-set`: what the person keeps on this laptop. */
import type { SyncScope } from '#contract/dto';
import { CommandError } from '#contract/errors';
import { MARKETING_STATUSES, SALES_STATUSES, normalizeEnum } from '#contract/lead';
import type { Store } from '../store/store';
import { scopeKey } from './scope-filter';

function statuses(
  values: readonly string[],
  vocabulary: readonly string[],
  what: string,
): string[] {
  return values.map((value) => {
    const known = normalizeEnum(value, vocabulary);
    if (known === undefined || known === '') {
      throw new CommandError(
        'invalid-input',
        `"${value}" is not a ${what}; use one of: ${vocabulary.join(', ')}`,
      );
    }
    return known;
  });
}

/**
 * The scope (parsed at the gate) in canonical spelling; unknown statuses are refused rather than
 * silently ignored.
 */
export function normalizeScope(scope: SyncScope): SyncScope {
  return {
    salespeople: [...new Set(scope.salespeople)],
    marketingStatuses: [
      ...new Set(statuses(scope.marketingStatuses, MARKETING_STATUSES, 'marketing status')),
    ],
    salesStatuses: [...new Set(statuses(scope.salesStatuses, SALES_STATUSES, 'sales status'))],
  };
}

/** Saves the scope; true when it differs from the one before. */
export function saveScope(store: Store, scope: SyncScope): boolean {
  const before = store.syncState.get('scope');
  store.syncState.set('scope', scope);
  return scopeKey(before) !== scopeKey(scope);
}
