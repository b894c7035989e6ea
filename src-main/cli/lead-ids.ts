/**
 * The leads `list` and `export` show, read the way the app's list reads them: a page of ids at a
 * time (`leads:id-page` for a view and its search, `query:id-page` for a query in its sort), then
 * the rows of those ids. The CLI keeps no whole-list command of its own in the contract.
 */
import type { ListCursor, QueryCursor, ViewId } from '#contract';
import type { Core } from '../core';
import { call } from './core-call';

/** What to show: a view (and its search), or a query in a sort, which replaces the view. */
export interface LeadSelection {
  view: ViewId;
  search: string | undefined;
  /** A lead query; replaces the view when given. */
  query?: string | undefined;
  sort?: string | undefined;
}

/** Ids read per page when every lead is wanted: the most one page gives. */
const WHOLE_PAGE = 5_000;

const isQuery = (selection: LeadSelection) =>
  selection.query !== undefined || selection.sort !== undefined;

const searchOf = (selection: LeadSelection) =>
  selection.search === undefined ? {} : { search: selection.search };

/** `limit` ids of a view (and its search) in its order, from `after`; `next` reads on. */
export function viewIdPage(
  core: Core,
  selection: LeadSelection,
  after: ListCursor | undefined,
  limit: number,
): Promise<{ ids: number[]; next: ListCursor | null }> {
  return call(core, 'leads:id-page', {
    view: selection.view,
    ...searchOf(selection),
    ...(after === undefined ? {} : { after }),
    limit,
  });
}

/** `limit` ids of a query in its sort, from `after`; `next` reads on. */
function queryIdPage(
  core: Core,
  selection: LeadSelection,
  after: QueryCursor | undefined,
  limit: number,
): Promise<{ ids: number[]; next: QueryCursor | null }> {
  return call(core, 'query:id-page', {
    query: selection.query ?? '',
    ...(selection.sort === undefined ? {} : { sort: selection.sort }),
    ...searchOf(selection),
    ...(after === undefined ? {} : { after }),
    limit,
  });
}

/** The first `limit` ids of a query in its sort. */
export async function firstQueryIds(
  core: Core,
  selection: LeadSelection,
  limit: number,
): Promise<number[]> {
  return (await queryIdPage(core, selection, undefined, limit)).ids;
}

/** Every id of the selection in its order, a page at a time. */
export async function everyId(core: Core, selection: LeadSelection): Promise<number[]> {
  const ids: number[] = [];
  if (isQuery(selection)) {
    let after: QueryCursor | undefined;
    do {
      const page = await queryIdPage(core, selection, after, WHOLE_PAGE);
      ids.push(...page.ids);
      after = page.next ?? undefined;
    } while (after !== undefined);
  } else {
    let after: ListCursor | undefined;
    do {
      const page = await viewIdPage(core, selection, after, WHOLE_PAGE);
      ids.push(...page.ids);
      after = page.next ?? undefined;
    } while (after !== undefined);
  }
  return ids;
}

/** The rows of `ids` in their order, as `list` prints them. */
export async function rowsOf(core: Core, ids: number[]) {
  return (await call(core, 'leads:rows', { ids })).rows;
}
