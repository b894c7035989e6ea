/**
 * Builds the core: opens (and migrates) the database, gathers the command handlers each folder
 * exports for its groups of commands (reads/, triage/, sync/ handlers.ts), the events and the
 * sync engine. Every handler answers with the contract's output or a CommandError; any other
 * failure is turned into one ('storage' for SQLite, 'internal' otherwise) so hosts can show it.
 *
 * Handlers take input already parsed with the contract's schema: the channel's gate
 * (src-shared/channel/server.ts) parses it once at the edge, for the shells and the CLI alike.
 */
import type Database from 'better-sqlite3';
import { coreHandlers } from '#channel';
import type { CoreCommandName } from '#contract/commands';
import { CommandError } from '#contract/errors';
import { silentLogger, systemClock, type Clock, type Core, type Logger } from './api';
import type { CoreContext, HandlerMap } from './core-context';
import { Checkpointer } from './db/checkpointer';
import { storageError } from './db/errors';
import { openDatabase } from './db/open-database';
import { countUnsent, followUnsentNote, writeUnsentNote } from './db/unsent-note';
import type { EnvokeClient } from './envoke';
import { createCoreEvents } from './events';
import { NOT_SAVED_SENTENCE, READ_ONLY_COMMANDS } from './read-only-commands';
import { ChangePaint } from './reads/change-paint';
import { readHandlers } from './reads/handlers';
import { LeadQueries } from './reads/lead-queries';
import { syncHandlers } from './sync/handlers';
import { SyncEngine } from './sync/sync-engine';
import { CommandLog, COMMAND_LOG_KEEP_MS } from './tables/command-log';
import { Store } from './tables/store';
import { triageHandlers } from './triage/handlers';

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
  // From here on a lost key can still be answered with how many unsent changes it would cost,
  // never fewer than the outbox holds, even after a crash.
  const note = followUnsentNote(db, options.dbPath);
  const checkpointer = new Checkpointer(
    db,
    options.dbPath,
    options.sqliteBinding,
    logger,
    options.dbKey,
  );
  const store = new Store(db, (bulk) => checkpointer.written(bulk));
  // A send cut short by a crash may or may not have reached Envoke: queue it again as such.
  store.outbox.recoverAbandoned(clock.now());
  const commandLog = new CommandLog(db);
  commandLog.forgetOlderThan(clock.now() - COMMAND_LOG_KEEP_MS);

  const events = createCoreEvents(logger);
  // Rows sent, discarded or undone bring the note down once their transaction has committed.
  events.on('sync:status', () => note.recount());
  const queries = new LeadQueries(db);
  // Counted from the clock at start, so a restarted core's reads come after its predecessor's.
  let readVersion = clock.now() * 1000;
  const nextVersion = () => ++readVersion;
  const engine = new SyncEngine({
    store,
    envoke: options.envoke,
    clock,
    logger,
    random: options.random ?? Math.random,
    events,
    // Envoke's answers change little of a lead (where it stands, its Envoke id): the windows
    // get the leads as the list shows them and the counts, and read nothing again.
    delivered: (ids) => ({
      rows: queries.rows({ ids }).rows,
      counts: queries.counts(),
      version: nextVersion(),
    }),
  });
  const context: CoreContext = {
    store,
    clock,
    logger,
    events,
    outboxChanged: () => engine.outboxChanged(),
  };
  const changePaint = new ChangePaint(db, store, queries, () => clock.now(), nextVersion);
  let closing: Promise<void> | null = null;

  // Each folder answers its own groups of the contract; together, every core command once.
  const implementations: HandlerMap<CoreCommandName> = {
    ...readHandlers({ db, store, clock, queries }),
    ...triageHandlers(context, changePaint),
    ...syncHandlers(store, engine),
  };

  /** Runs `work` for command `name`, any failure turned into a CommandError a host can show. */
  async function guarded(name: CoreCommandName, work: () => unknown): Promise<unknown> {
    if (closing !== null) throw new CommandError('storage', 'The local database is closed.');
    try {
      return work();
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
  }

  /**
   * A command under its caller's id: a change is made once per id, its answer saved with it; a
   * command that changes nothing simply runs. `onlyIfApplied` asks whether the change was saved
   * without making it now.
   */
  function callOnce(
    name: CoreCommandName,
    input: unknown,
    commandId: string,
    onlyIfApplied = false,
  ): Promise<unknown> {
    const run = implementations[name] as (input: unknown) => unknown;
    if (READ_ONLY_COMMANDS.has(name)) return guarded(name, () => run(input));
    return guarded(name, () => {
      const saved = commandLog.answer(commandId);
      if (saved !== undefined) return saved;
      if (onlyIfApplied) throw new CommandError('internal', NOT_SAVED_SENTENCE);
      return store.transaction(() => {
        const answer = run(input);
        commandLog.record(commandId, name, answer, clock.now());
        return answer;
      });
    });
  }

  const handlers = coreHandlers((name, input) =>
    guarded(name, () => (implementations[name] as (input: unknown) => unknown)(input)),
  );

  return {
    ...handlers,
    on: (event, listener) => events.on(event, listener),
    callOnce,
    findLeadByEnvokeId: (envokeId) => store.leads.idByEnvokeId(envokeId),
    findLeadByRemoteId: (remoteId) => store.leads.idByRemoteId(remoteId),
    syncOnce: (what, onProgress) => engine.syncOnce(what, onProgress),
    start: () => engine.start(),
    networkChanged: (online) => engine.networkChanged(online),
    close() {
      closing ??= engine
        .close()
        .finally(() => store.claimant.release())
        .finally(() => checkpointer.close())
        .finally(() => {
          try {
            note.close();
            writeUnsentNote(options.dbPath, countUnsent(db));
          } finally {
            db.close();
          }
        });
      return closing;
    },
  };
}
