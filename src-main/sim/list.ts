/**
 * Runs a list query against the store. Paging in id order, the sync's common case, touches only
 * the page it returns; other orders and filters scan the id range the filter allows.
 */
import { type LeadRow } from './field-paths';
import { type SimLead } from './lead-model';
import { type ListQuery, type SortKey } from './query';
import { type SimLeadStore } from './lead-store';

export function listLeads(store: SimLeadStore, query: ListQuery): SimLead[] {
  return selectPositions(store, query).map((position) => store.at(position));
}

function selectPositions(store: SimLeadStore, query: ListQuery): number[] {
  const { filter, sort, skip, limit } = query;
  const from = store.lowerBound(filter.minId);
  const to =
    filter.maxId >= Number.MAX_SAFE_INTEGER ? store.count() : store.lowerBound(filter.maxId + 1);
  if (from >= to) return [];
  const first = sort[0];
  const inIdOrder = sort.length === 0 || (sort.length === 1 && first?.reader.path === 'id');
  const descending = inIdOrder && first?.descending === true;
  const predicate = filter.predicate;

  if (filter.remoteId !== undefined) {
    const keyed = store
      .positionsWithRemoteId(filter.remoteId)
      .filter((p) => p >= from && p < to && (predicate === undefined || predicate(store.rowAt(p))));
    return ordered(store, keyed, inIdOrder ? [] : sort, descending).slice(skip, skip + limit);
  }
  if (inIdOrder && predicate === undefined) {
    const positions: number[] = [];
    for (let i = skip; i < skip + limit && i < to - from; i++)
      positions.push(descending ? to - 1 - i : from + i);
    return positions;
  }
  if (inIdOrder && predicate !== undefined) {
    // Walk in the requested order and stop once the page is full.
    const positions: number[] = [];
    let skipped = 0;
    for (let n = 0; n < to - from && positions.length < limit; n++) {
      const position = descending ? to - 1 - n : from + n;
      if (!predicate(store.rowAt(position))) continue;
      if (skipped < skip) skipped++;
      else positions.push(position);
    }
    return positions;
  }
  const matching: number[] = [];
  for (let position = from; position < to; position++) {
    if (predicate === undefined || predicate(store.rowAt(position))) matching.push(position);
  }
  return ordered(store, matching, sort, false).slice(skip, skip + limit);
}

type SortValue = number | string;

/** Orders positions by the sort keys; equal keys keep ascending id order, as MySQL's would. */
function ordered(
  store: SimLeadStore,
  positions: number[],
  sort: SortKey[],
  descending: boolean,
): number[] {
  if (sort.length === 0) return descending ? positions.reverse() : positions;
  const keyed = positions.map((position) => {
    const row = store.rowAt(position);
    return { position, values: sort.map((key) => sortValue(key, row)) };
  });
  keyed.sort((a, b) => {
    for (let k = 0; k < sort.length; k++) {
      const x = a.values[k] ?? '';
      const y = b.values[k] ?? '';
      if (x === y) continue;
      const order = x < y ? -1 : 1;
      return sort[k]?.descending === true ? -order : order;
    }
    return a.position - b.position;
  });
  return keyed.map((entry) => entry.position);
}

/** Numbers sort by value with unset ("") first; text sorts without regard to case. */
function sortValue(key: SortKey, row: LeadRow): SortValue {
  const value = key.reader.read(row);
  const text = typeof value === 'string' ? value : value.join(', ');
  if (key.reader.numeric) return text === '' ? Number.NEGATIVE_INFINITY : Number(text);
  return text.toLowerCase();
}
