/**
 * The bulk selection may only ever hold leads the person can see: a key that changes the
 * selection must never reach a lead that left the list (after its own change, a sync, a new
 * search or another view). These decide what stays selected and how that is said.
 */
import { plural } from './format';

export type Selection = Readonly<Record<number, true>>;

export interface KeptSelection {
  bulk: Selection;
  /** How many selected leads are no longer in the list. */
  left: number;
}

/** The part of `bulk` still in `ids`; the same object when nothing left, so nothing redraws. */
export function keepListed(bulk: Selection, ids: readonly number[]): KeptSelection {
  const selected = Object.keys(bulk).map(Number);
  if (selected.length === 0) return { bulk, left: 0 };
  const listed = new Set(ids);
  const kept = selected.filter((id) => listed.has(id));
  if (kept.length === selected.length) return { bulk, left: 0 };
  return {
    bulk: Object.fromEntries(kept.map((id) => [id, true as const])),
    left: selected.length - kept.length,
  };
}

/** "2 leads left this view and the selection" */
export function leftSelectionMessage(left: number): string {
  return `${plural(left, 'lead')} left this view and the selection`;
}

/** "Marked 3 leads Hot", with how many already had the value when some did. */
export function bulkChangeMessage(asked: number, changed: number, value: string): string {
  const marked = `Marked ${plural(changed, 'lead')} ${value || '(empty)'}`;
  const already = asked - changed;
  if (already <= 0) return marked;
  return `${marked}; ${plural(already, 'lead')} already ${already === 1 ? 'was' : 'were'}`;
}
