/**
 * Copies the write-ahead log into the database file on a worker thread.
 *
 * SQLite checkpoints on the connection whose commit crosses `wal_autocheckpoint`, and a
 * checkpoint syncs the log and the database file: during a full pull that is a stall of tens to
 * hundreds of milliseconds on the event loop every ten pages or so. Here a second connection on a
 * worker thread does the copying (PASSIVE: it never blocks the writer), asked after each write,
 * and the main connection keeps only a distant autocheckpoint as a safety net should the worker
 * fall behind or fail.
 *
 * The worker starts with the first bulk write (a pull page) or once the person has made a few
 * changes: a triage key writes some twenty pages (the lead, its indexes, the outbox, activity,
 * counts), so SQLite's own checkpoint fell inside every fiftieth key's commit, the slow 2% of
 * keys. A command line that sets one value costs no thread; until the worker runs, SQLite
 * checkpoints as usual. If the worker cannot start or dies, the main
 * connection goes back to checkpointing as SQLite normally does.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../api';
import { keyStatements } from './encryption';

/** Local commits (triage keys) before the worker starts; a pull page starts it at once. */
const LOCAL_WRITES_BEFORE_WORKER = 8;
/** SQLite's own default, used until the worker runs and again if it fails. */
const DEFAULT_AUTOCHECKPOINT = 1000;
/** Pages (about 40 MB) the log may reach before the main connection checkpoints it itself. */
const SAFETY_NET_AUTOCHECKPOINT = 10_000;
/**
 * At most one checkpoint this often. Each costs two syncs whatever it copies, and pages written
 * again and again (index roots, the newest leaves) are copied once per checkpoint, not once per
 * pull page. About SQLite's own rhythm (1,000 log pages) at a fast pull's pace.
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * CommonJS, run with `eval` so no separate file has to be found or bundled beside the app. It
 * answers each message with one checkpoint (no sooner than `everyMs` after the previous one) and
 * 'done', and on 'close' checkpoints once more, empties the log and closes its connection.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const db = new Database(workerData.path, options);
// Keyed before anything reads the file, as every connection to it is (see encryption.ts).
for (const statement of workerData.keyStatements) db.pragma(statement);
db.pragma('busy_timeout = 5000');
// Both syncs of a checkpoint (the log before copying, the database after) happen in this thread.
db.pragma('synchronous = FULL');
let lastAt = 0;
let waiting;
parentPort.on('message', (message) => {
  if (message === 'close') {
    clearTimeout(waiting);
    // The last copy is made here too, and the log emptied (nothing writes any more): the main
    // connection's close then has nothing to copy, and no large file to delete.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    parentPort.close();
    return;
  }
  waiting = setTimeout(() => {
    db.pragma('wal_checkpoint(PASSIVE)');
    lastAt = Date.now();
    parentPort.postMessage('done');
  }, Math.max(0, lastAt + workerData.everyMs - Date.now()));
});
parentPort.postMessage('ready');
`;

export class Checkpointer {
  private worker: Worker | null = null;
  private state: 'idle' | 'starting' | 'ready' | 'failed' | 'closed' = 'idle';
  private running = false;
  private wanted = false;
  private exited: Promise<void> = Promise.resolve();
  private localWrites = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly nativeBinding: string | undefined,
    private readonly logger: Logger,
    /** The database's key; none only for the plain files schema tests build. */
    private readonly key?: Buffer,
  ) {}

  /** Something was committed: copy the log over soon, off the event loop. */
  written(bulk: boolean): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    if (this.state === 'idle' && !bulk && ++this.localWrites < LOCAL_WRITES_BEFORE_WORKER) return;
    this.wanted = true;
    if (this.state === 'idle') this.start();
    else this.next();
  }

  /**
   * Copies what is left, empties the log and stops the worker; resolves once its connection is
   * closed. Only when nothing writes any more (the core is closing): emptying the log holds off
   * writers meanwhile. The main connection stays open.
   */
  async close(): Promise<void> {
    if (this.state === 'closed') return this.exited;
    const worker = this.worker;
    this.state = 'closed';
    if (worker !== null) {
      // Waiting for its exit must keep the process alive until then.
      worker.ref();
      worker.postMessage('close');
    }
    await this.exited;
  }

  private start(): void {
    this.state = 'starting';
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          path: this.path,
          nativeBinding: this.nativeBinding,
          keyStatements: this.key ? keyStatements(this.key) : [],
          everyMs: CHECKPOINT_EVERY_MS,
        },
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.worker = worker;
    // A forgotten close must not keep the process alive.
    worker.unref();
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: string) => {
      if (this.state === 'closed') return;
      if (message === 'ready') {
        this.state = 'ready';
        this.db.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT}`);
      } else {
        this.running = false;
      }
      this.next();
    });
    worker.once('error', (error) => this.fail(error));
    worker.once('exit', () => {
      if (this.state !== 'closed') this.fail(new Error('the checkpoint thread stopped'));
    });
  }

  private next(): void {
    if (this.running || !this.wanted || this.state !== 'ready') return;
    this.running = true;
    this.wanted = false;
    this.worker?.postMessage('checkpoint');
  }

  private fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.state = 'failed';
    this.logger.warn('Checkpoints run on the main thread: the checkpoint thread failed', {
      error: String(error),
    });
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    void this.worker?.terminate();
  }
}
