/**
 * Copies the write-ahead log into the database file on a worker thread, between pull pages.
 *
 * SQLite checkpoints on the connection whose commit crosses `wal_autocheckpoint`, and a
 * checkpoint syncs the log and the database file: during a full pull that held the event loop
 * for tens to hundreds of milliseconds every ten pages or so. Here a second connection on a
 * worker thread does the copying (PASSIVE), at most every CHECKPOINT_EVERY_MS while writes come,
 * and the pull waits (without blocking) for a copy to end before it writes its next page:
 * - a page appended to the log while the disk syncs it can stall inside write() on the event
 *   loop (measured: 60-90 ms now and then when pages and copies overlap);
 * - a copy that ends with nothing new behind it lets the next page start the log over, so the
 *   log stays a few megabytes instead of growing through the whole pull.
 * The main connection keeps a distant autocheckpoint as a safety net.
 *
 * The worker starts with the first pull page, so a core that never pulls costs no thread; until
 * then SQLite checkpoints as usual, and again if the worker cannot start or dies.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../api';
import type { CommitListener } from '../store/store';

/** SQLite's own default, used until the worker runs and again if it fails. */
const DEFAULT_AUTOCHECKPOINT = 1000;
/** Pages (about 40 MB) the log may reach before the main connection checkpoints it itself. */
const SAFETY_NET_AUTOCHECKPOINT = 10_000;
/**
 * At most one copy this often. Each costs two syncs whatever it copies, and pages a pull writes
 * again and again (index roots, the newest leaves) are copied once per copy, not once per page:
 * about SQLite's own rhythm (1,000 log pages) at a fast pull's pace.
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * CommonJS, run with `eval` so no separate file has to be found or bundled beside the app. It
 * answers each message with one checkpoint and 'done', and on 'close' copies what is left,
 * empties the log and closes its connection.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const db = new Database(workerData.path, options);
db.pragma('busy_timeout = 5000');
// Both syncs of a checkpoint (the log before copying, the database after) happen in this thread.
db.pragma('synchronous = FULL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    // Nothing writes any more: the main connection's close then has nothing to copy and no
    // large file to delete.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    parentPort.close();
    return;
  }
  db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage('done');
});
parentPort.postMessage('ready');
`;

export class Checkpointer implements CommitListener {
  private worker: Worker | null = null;
  private state: 'idle' | 'starting' | 'ready' | 'failed' | 'closed' = 'idle';
  /** Something was committed since the last copy began. */
  private wanted = false;
  private copying: Promise<void> | null = null;
  private copied: () => void = () => undefined;
  private lastCopyAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly nativeBinding: string | undefined,
    private readonly logger: Logger,
    private readonly everyMs: number = CHECKPOINT_EVERY_MS,
  ) {}

  /** Something was committed: copy the log over soon, off the event loop. */
  committed(bulk: boolean): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    if (this.state === 'idle' && !bulk) return;
    this.wanted = true;
    if (this.state === 'idle') this.start();
    else this.next();
  }

  /** Resolves once no copy is under way (at once when none is). */
  readyForPage(): Promise<void> {
    return this.copying ?? Promise.resolve();
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
    this.stopCopying();
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
        this.lastCopyAt = Date.now();
        this.copying = null;
        this.copied();
      }
      this.next();
    });
    worker.once('error', (error) => this.fail(error));
    worker.once('exit', () => {
      if (this.state !== 'closed') this.fail(new Error('the checkpoint thread stopped'));
    });
  }

  /** Starts a copy when one is wanted, none is under way and the last is long enough ago. */
  private next(): void {
    if (this.state !== 'ready' || !this.wanted || this.copying !== null || this.timer !== null)
      return;
    const wait = this.lastCopyAt + this.everyMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.next();
      }, wait);
      this.timer.unref();
      return;
    }
    this.wanted = false;
    this.copying = new Promise((resolve) => (this.copied = resolve));
    this.worker?.postMessage('checkpoint');
  }

  /** No copy will be started or waited for any more: a pull never waits on a stopped thread. */
  private stopCopying(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.copying = null;
    this.copied();
  }

  private fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.state = 'failed';
    this.stopCopying();
    this.logger.warn('Checkpoints run on the main thread: the checkpoint thread failed', {
      error: String(error),
    });
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    void this.worker?.terminate();
  }
}
