/**
 * The commands answered by what the screens read, one map per group of the contract: the lead
 * list (pages, windows, rows, counts, a lead's detail, rating values), queries and saved views,
 * the pipeline, and possible duplicates. Each command is one call into the reader that owns it.
 */
import type Database from 'better-sqlite3';
import type {
  DuplicateCommandName,
  LeadCommandName,
  PipelineCommandName,
  ViewCommandName,
} from '#contract/commands';
import type { Clock } from '../api';
import type { HandlerMap } from '../core-context';
import type { Store } from '../tables/store';
import { Duplicates } from './duplicates';
import { leadDetail } from './lead-detail';
import type { LeadQueries } from './lead-queries';
import { pipeline } from './pipeline';
import { PipelineDays } from './pipeline-days';
import { QueryViews } from './query-views';
import { RatingValues } from './rating-values';
import { SavedViews } from './saved-views';

/** The lead commands that only read; a person's changes (update, create) are triage's. */
export type LeadReadCommandName = Exclude<LeadCommandName, 'leads:update' | 'leads:create'>;
export type ReadCommandName =
  LeadReadCommandName | ViewCommandName | PipelineCommandName | DuplicateCommandName;

export interface ReadContext {
  db: Database.Database;
  store: Store;
  clock: Clock;
  /** Shared with the sync engine and the change answers, which read rows and counts too. */
  queries: LeadQueries;
}

export function leadReadHandlers(context: ReadContext): HandlerMap<LeadReadCommandName> {
  const { queries, store, clock } = context;
  const ratings = new RatingValues(context.db);
  return {
    'leads:list': (input) => queries.list(input),
    'leads:ids': (input) => queries.ids(input),
    'leads:id-page': (input) => queries.idPage(input),
    'leads:membership': (input) => queries.membership(input),
    'leads:position': (input) => queries.position(input),
    'leads:search-elsewhere': (input) => queries.searchElsewhere(input),
    'leads:rows': (input) => queries.rows(input),
    'leads:counts': () => queries.counts(),
    'leads:rating-values': () => ratings.values(),
    'leads:get': (input) => leadDetail(store, input.id, clock.now()),
  };
}

export function viewHandlers(context: ReadContext): HandlerMap<ViewCommandName> {
  const queryViews = new QueryViews(context.db);
  const savedViews = new SavedViews(context.store, queryViews, () => context.clock.now());
  return {
    'query:ids': (input) => queryViews.ids(input),
    'query:id-page': (input) => queryViews.idPage(input),
    'query:count': (input) => queryViews.count(input),
    'query:values': (input) => queryViews.values(input),
    'views:list': () => savedViews.list(),
    'views:save': (input) => savedViews.save(input),
    'views:rename': (input) => savedViews.rename(input),
    'views:move': (input) => savedViews.move(input),
    'views:delete': (input) => savedViews.delete(input),
    'views:counts': () => savedViews.counts(),
  };
}

export function pipelineHandlers(context: ReadContext): HandlerMap<PipelineCommandName> {
  const days = new PipelineDays(context.db);
  return { 'pipeline:get': (input) => pipeline(days, input) };
}

export function duplicateHandlers(context: ReadContext): HandlerMap<DuplicateCommandName> {
  const duplicates = new Duplicates(
    context.store,
    (ids) => context.queries.rows({ ids }).rows,
    () => context.clock.now(),
  );
  return {
    'duplicates:pairs': (input) => duplicates.pairs(input),
    'duplicates:among': (input) => duplicates.among(input),
    'duplicates:dismiss': (input) => duplicates.dismiss(input),
  };
}

/** Every command the reads answer. */
export function readHandlers(context: ReadContext): HandlerMap<ReadCommandName> {
  return {
    ...leadReadHandlers(context),
    ...viewHandlers(context),
    ...pipelineHandlers(context),
    ...duplicateHandlers(context),
  };
}
