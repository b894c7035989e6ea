/** The possible duplicates panel's calls: a page of pairs, and "not a duplicate". */
import type { CommandOutput, DuplicateCursor, DuplicatePair } from '#contract';
import { invoke } from '../bridge/client';
import { undoOrder } from './on-screen';

/** A page of `limit` pairs from `from` (null: the first page). */
export function duplicatePairs(
  from: DuplicateCursor | null,
  limit: number,
): Promise<CommandOutput<'duplicates:pairs'>> {
  return invoke('duplicates:pairs', { limit, ...(from ? { after: from } : {}) });
}

/** The person says the two leads are not duplicates (kept on this laptop; z brings it back). */
export async function dismissDuplicate(pair: DuplicatePair): Promise<void> {
  await invoke('duplicates:dismiss', { a: pair.a.id, b: pair.b.id });
  undoOrder.other();
}
