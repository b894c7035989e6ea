/**
 * Builds the core: opens (and migrates) the database, wires the command handlers, the events and
 * the sync engine. Every handler answers with the contract's output or a CommandError; any other
 * failure is turned into one ('storage' for SQLite, 'internal' otherwise) so hosts can show it.
 *
 * Handlers take input already parsed with the contract's schema: the command gate
 * (session/command-gate.ts) parses it once at the edge, for the shells and the CLI alike.
 */
import type Database from 'better-sqlite3';
import {
  coreCommands,
  type CommandArgs,
  type CommandOutput,
  type CoreCommandName,
  type CoreHandlers,
} from '#contract/commands';
import { CommandError } from '#contract/errors';
import { silentLogger, systemClock, type Clock, type Core, type Logger } from './api';
import type { CoreContext } from './core-context';
import { Checkpointer } from './db/checkpointer';
import { storageError } from './db/errors';
import { openDatabase } from './db/open-database';
import { countUnsent, followUnsentNote, writeUnsentNote } from './db/unsent-note';
import type { EnvokeClient } from './envoke';
import { CoreEvents } from './events';
import { Store } from './store/store';
import { saveScope } from './sync/scope';
import { SyncEngine } from './sync/sync-engine';
import { createLead } from './triage/create-lead';
import { discardChange, editChange, listOutbox, retryChange } from './triage/outbox-commands';
import { resolveConflict } from './triage/resolve-conflict';
import { redo, undo } from './triage/undo-redo';
import { updateLeads } from './triage/update-leads';
import { leadDetail } from './views/lead-detail';
import { Duplicates } from './views/duplicates';
import { LeadQueries } from './views/lead-queries';
import { RatingValues } from './views/rating-values';
import { pipeline } from './views/pipeline';
import { PipelineDays } from './views/pipeline-days';
import { QueryViews } from './views/query-views';
import { SavedViews } from './views/saved-views';

export interface CoreOptions {
  dbPath: string;
  envoke: EnvokeClient;
  clock?: Clock | undefined;
  logger?: Logger | undefined;
  /** Backoff jitter; injectable so tests know every delay. */
  random?: (() => number) | undefined;
  /** better-sqlite3 built for another runtime (the desktop app's Electron build). */
  sqliteBinding?: string | undefined;
  /**
   * The database's 32 random bytes (see db/encryption.ts), kept by the host: the desktop app in
   * the OS keychain, the browser host and the CLI in the environment or a key file.
   */
  dbKey: Buffer;
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const db: Database.Database = openDatabase(options.dbPath, {
    nativeBinding: options.sqliteBinding,
    key: options.dbKey,
  });
  // From here on a lost key can still be answered with how many unsent changes it would cost.
  writeUnsentNote(options.dbPath, countUnsent(db));
  const checkpointer = new Checkpointer(
    db,
    options.dbPath,
    options.sqliteBinding,
    logger,
    options.dbKey,
  );
  const store = new Store(db, (bulk) => checkpointer.written(bulk));
  // A send cut short by a crash may or may not have reached Envoke: queue it again as such.
  store.outbox.recoverInterrupted();

  const events = new CoreEvents(logger);
  // The note follows the counts as they change, so after a crash too it tells what a lost key
  // would cost.
  const note = followUnsentNote(options.dbPath);
  events.on('sync:status', (status) =>
    note.update(status.pending + status.failed + status.conflicts),
  );
  const engine = new SyncEngine({
    store,
    envoke: options.envoke,
    clock,
    logger,
    random: options.random ?? Math.random,
    events,
  });
  const context: CoreContext = {
    store,
    clock,
    logger,
    events,
    outboxChanged: () => engine.outboxChanged(),
  };
  const queries = new LeadQueries(db);
  const ratings = new RatingValues(db);
  const queryViews = new QueryViews(db);
  const pipelineDays = new PipelineDays(db);
  const savedViews = new SavedViews(store, queryViews, () => clock.now());
  const duplicates = new Duplicates(
    store,
    (ids) => queries.rows({ ids }).rows,
    () => clock.now(),
  );
  let closing: Promise<void> | null = null;

  const implementations: { [N in CoreCommandName]: (input: CommandArgs<N>) => CommandOutput<N> } = {
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
    'leads:update': (input) => updateLeads(context, input),
    'leads:create': (input) => createLead(context, input),
    'history:undo': () => undo(context),
    'history:next': () => {
      const entry = store.history.nextUndo();
      return {
        undo:
          entry === undefined
            ? null
            : { label: entry.label, at: new Date(entry.createdAt).toISOString() },
      };
    },
    'history:redo': () => redo(context),
    'outbox:list': (input) => listOutbox(context, input),
    'outbox:retry': (input) => retryChange(context, input),
    'outbox:discard': (input) => discardChange(context, input),
    'outbox:edit': (input) => editChange(context, input),
    'conflicts:resolve': (input) => resolveConflict(context, input),
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
    'pipeline:get': (input) => pipeline(pipelineDays, input),
    'duplicates:pairs': (input) => duplicates.pairs(input),
    'duplicates:among': (input) => duplicates.among(input),
    'duplicates:dismiss': (input) => duplicates.dismiss(input),
  };

  function handler<N extends CoreCommandName>(name: N): CoreHandlers[N] {
    const run = implementations[name] as (input: CommandArgs<N>) => unknown;
    return (async (input: CommandArgs<N>) => {
      if (closing !== null) throw new CommandError('storage', 'The local database is closed.');
      try {
        return run(input);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        if ((error as { code?: unknown } | null)?.code?.toString().startsWith('SQLITE_')) {
          throw storageError(options.dbPath, error);
        }
        logger.error('A command failed unexpectedly', { command: name, error: String(error) });
        throw new CommandError(
          'internal',
          `Lead Triage could not complete "${name}": ${String(error)}`,
        );
      }
    }) as CoreHandlers[N];
  }

  const handlers = Object.fromEntries(
    (Object.keys(coreCommands) as CoreCommandName[]).map((name) => [name, handler(name)]),
  ) as unknown as CoreHandlers;

  return {
    ...handlers,
    on: (event, listener) => events.on(event, listener),
    findLeadByEnvokeId: (envokeId) => store.leads.idByEnvokeId(envokeId),
    syncOnce: (what, onProgress) => engine.syncOnce(what, onProgress),
    start: () => engine.start(),
    networkChanged: (online) => engine.networkChanged(online),
    close() {
      closing ??= engine
        .close()
        .finally(() => checkpointer.close())
        .finally(() => note.settled())
        .finally(() => {
          try {
            writeUnsentNote(options.dbPath, countUnsent(db));
          } finally {
            db.close();
          }
        });
      return closing;
    },
  };
}
