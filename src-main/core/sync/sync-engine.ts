/**
 * The one request loop between the cache and Envoke. The loop only decides *when* to talk to
 * Envoke; what is said belongs to its delegates: the pull (pull.ts), the push (push-loop.ts).
 * What the connection allows is ConnectionHealth's to know, and `leads:changed` is batched by
 * ChangeBatcher. Jobs (a background cycle, a `syncOnce`) run one at a time, so a pull never
 * interleaves with a push; the person keeps working meanwhile because every local command is a
 * synchronous SQLite transaction.
 *
 *   ┌──────┐  kick  ┌──────────────┐ its turn in ┌─────────┐  done  ┌─────────────────────┐
 *   │ idle │ ─────▶ │ cycle queued │ ──────────▶ │ running │ ─────▶ │ planned: one timer  │
 *   └──────┘        └──────────────┘  the jobs   └─────────┘        │ at the next retry,  │
 *       ▲                                                           │ pull or probe       │
 *       └──────────────────────── the timer fires: kick ────────────┴─────────────────────┘
 *
 *   kick: start, runNow, a change queued (once edits pause), the network back, a new scope.
 *   A `syncOnce` takes its turn in the same queue, so it never overlaps a cycle.
 *
 * A cycle: nothing while credentials are refused or a backoff holds; offline, a cheap probe
 * first; then a pull if one is due or wanted; then the push of what is ready. Background pulls
 * come on start and periodically; a push shortly after each change; retries on the timer with
 * full-jitter backoff honouring Retry-After. 401/403 pause everything until the person asks
 * again (`runNow`) or the account changes (a new core).
 *
 * About 350 lines, on purpose: the job queue, the cycle and when to wake read as one loop; every
 * part that is not about *when* has its own module.
 */
import type { SyncProgress, SyncStatus } from '#contract/dto';
import type { EventPayload } from '#contract/events';
import { CommandError } from '#contract/errors';
import { type Clock, type Logger, type SyncReport, type SyncWhat } from '../api';
import { isEnvokeError, type EnvokeClient } from '../envoke';
import type { CoreEvents } from '../events';
import type { Store } from '../store/store';
import { accountInfoDue, refreshAccountInfo } from './account-info';
import { ChangeBatcher } from './change-batcher';
import { ConnectionHealth } from './connection-health';
import { fullPull, quickPull, type PullDeps } from './pull';
import { PullSchedule } from './pull-schedule';
import { pushReady } from './push-loop';
import { addPull, emptyReport } from './sync-report';
import { SyncStopped, toCommandError } from './sync-errors';
import { wait } from './wait';
import { WakeTimer } from './wake-timer';

export interface EngineDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  logger: Logger;
  random: () => number;
  events: CoreEvents;
  /**
   * What `leads:changed` says of the leads a push's answers reached, beside their ids (their
   * rows and the counts, so windows repaint without reading again); ids alone without it.
   */
  delivered?: (ids: number[]) => NonNullable<EventPayload<'leads:changed'>['delivered']>;
}

/** Edits usually come in bursts (a bulk action, fast keys): send once they pause. */
const PUSH_DEBOUNCE_MS = 250;
/** `syncOnce` never waits longer than this for one retry. */
const PATIENT_WAIT_MAX_MS = 2 * 60_000;

export class SyncEngine {
  private readonly abort = new AbortController();
  private jobs: Promise<void> = Promise.resolve();
  private busy = false;
  private cycleQueued = false;
  private started = false;
  private closed = false;

  private readonly health: ConnectionHealth;
  private readonly changes: ChangeBatcher;
  /** The leads Envoke's answers to a push reached, announced apart from a pull's changes. */
  private readonly delivered: ChangeBatcher;
  private progress: SyncProgress | null = null;
  private readonly pulls = new PullSchedule();

  private readonly timer: WakeTimer;

  constructor(private readonly deps: EngineDeps) {
    this.health = new ConnectionHealth(deps.random);
    this.changes = new ChangeBatcher(deps.clock, (ids) => {
      if (!this.closed) deps.events.emit('leads:changed', { ids });
    });
    this.delivered = new ChangeBatcher(deps.clock, (ids) => {
      if (this.closed) return;
      const describe = deps.delivered;
      deps.events.emit(
        'leads:changed',
        ids === null || describe === undefined ? { ids } : { ids, delivered: describe(ids) },
      );
    });
    this.timer = new WakeTimer(deps.clock, () => this.kick());
  }

  status(): SyncStatus {
    const { store, clock } = this.deps;
    const now = clock.now();
    const { health } = this;
    const counts = store.outbox.counts();
    const lastSyncAt = store.syncState.get('lastSyncAt');
    const accountReadAt = store.syncState.get('accountReadAt');
    const retryAt = health.isHeld(now) ? health.holdUntil : store.outbox.nextAttemptAfter(now);
    return {
      state: health.state(this.busy),
      ...counts,
      progress: this.progress,
      lastSyncAt: lastSyncAt === null ? null : new Date(lastSyncAt).toISOString(),
      lastError: health.lastError,
      nextRetryAt: retryAt === null || health.authPaused ? null : new Date(retryAt).toISOString(),
      accountReadAt: accountReadAt === null ? null : new Date(accountReadAt).toISOString(),
    };
  }

  start(): void {
    if (this.closed || this.started) return;
    this.started = true;
    this.kick();
  }

  /** The OS says the network came back (or went). Only a hint: requests decide. */
  networkChanged(online: boolean): void {
    if (this.closed) return;
    if (!online) {
      this.health.wentOffline();
      this.emitStatus();
      return;
    }
    this.forgetBackoff();
    if (this.started) this.kick();
  }

  /** The person asks to sync now: forget waits and a credentials pause, fetch new leads, push. */
  runNow(): void {
    if (this.closed) return;
    this.health.resume();
    this.forgetBackoff();
    this.pulls.want('new');
    this.kick();
  }

  /** The scope changed: the next cycle pulls everything in the new scope. */
  scopeChanged(): void {
    this.pulls.want('full');
    if (this.started) this.kick();
  }

  /** Local commands changed the outbox. */
  outboxChanged(): void {
    if (this.closed) return;
    this.emitStatus();
    if (this.started && !this.health.authPaused) {
      this.wakeAt(Math.max(this.deps.clock.now() + PUSH_DEBOUNCE_MS, this.health.holdUntil));
    }
  }

  syncOnce(what: SyncWhat, onProgress?: (progress: SyncProgress) => void): Promise<SyncReport> {
    if (this.closed) return Promise.reject(new SyncStopped());
    return this.exclusive(async () => {
      const { clock, store } = this.deps;
      const report = emptyReport();
      let phase = 'Pulling leads failed';
      try {
        if (what !== 'push') {
          // The person asks: our own backoff gives way, a wait Envoke asked for does not.
          this.forgetBackoff();
          const startedAt = clock.now();
          await this.pull(what === 'new' ? 'new' : 'full', report, onProgress);
          report.pullMs = clock.now() - startedAt;
        }
        if (what === 'push' || what === 'both') {
          phase = 'Sending changes failed';
          this.health.resume();
          this.forgetBackoff();
          const startedAt = clock.now();
          await this.push(true, report, onProgress);
          report.pushMs = clock.now() - startedAt;
        }
        report.waiting = store.outbox.counts().pending;
        return report;
      } catch (error) {
        throw toCommandError(error, phase);
      } finally {
        this.plan();
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return this.jobs;
    this.closed = true;
    this.timer.clear();
    this.abort.abort();
    await this.jobs;
  }

  // --- jobs -------------------------------------------------------------------------------------

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.jobs.then(async () => {
      if (this.closed) throw new SyncStopped();
      this.busy = true;
      this.emitStatus();
      try {
        return await job();
      } finally {
        this.busy = false;
        this.progress = null;
        this.changes.flush();
        this.delivered.flush();
        this.emitStatus();
      }
    });
    this.jobs = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private kick(): void {
    if (this.closed || this.cycleQueued) return;
    this.cycleQueued = true;
    this.exclusive(async () => {
      this.cycleQueued = false;
      await this.cycle();
    })
      .catch((error: unknown) =>
        this.deps.logger.error('Background sync failed', { error: String(error) }),
      )
      .finally(() => this.plan());
  }

  /** One background round: probe if offline, pull if due, push what is ready. */
  private async cycle(): Promise<void> {
    const { health } = this;
    if (this.closed || health.authPaused || health.isHeld(this.deps.clock.now())) return;
    try {
      if (health.offline) {
        try {
          await this.deps.envoke.probe();
        } catch (error) {
          this.failedWith(error);
          return;
        }
        health.connected();
      }
      const { store, clock } = this.deps;
      const pull = this.pulls.due(clock.now(), store.syncState.get('lastFullPullAt'), this.started);
      if (pull !== null) {
        await this.pull(pull, null);
        this.pulls.done();
      }
      await this.push(false, null);
    } catch (error) {
      // Envoke's failures were noted where they happened; anything else is a fault of ours.
      if (error instanceof SyncStopped || isEnvokeError(error)) return;
      this.deps.logger.error('Background sync failed unexpectedly', { error: String(error) });
      health.faultOfOurs(
        error,
        error instanceof CommandError ? error.message : 'Sync stopped on an unexpected problem',
        this.deps.clock.now(),
      );
    }
  }

  private async pull(
    kind: 'full' | 'new',
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    const { store, envoke, clock, logger } = this.deps;
    const { health } = this;
    const deps: PullDeps = {
      store,
      envoke,
      clock,
      pacing: {
        get holdUntil() {
          return health.holdUntil;
        },
        backOff: (error, now) => health.backOff(error, now),
        connected: () => health.connected(),
        waitUntil: (until) => this.waitPatiently(until),
      },
      logger,
      signal: this.abort.signal,
      onProgress: (progress) => {
        this.progress = progress;
        onProgress?.(progress);
        this.emitStatus();
      },
      onChanged: (ids) => this.changes.note(ids),
    };
    try {
      const result = kind === 'full' ? await fullPull(deps) : await quickPull(deps);
      // After the leads, so a pull's own requests come first and a failure here costs none.
      if (accountInfoDue(store, result.full))
        await refreshAccountInfo({ store, envoke, logger, now: clock.now() });
      this.health.connected();
      this.pulls.pulled(clock.now());
      store.syncState.set('lastSyncAt', clock.now());
      if (report !== null) addPull(report, result);
    } catch (error) {
      // A CommandError is a verdict of ours (closing, a wait too long to sit out), not a new
      // failure: the hold that caused it is already set.
      if (isEnvokeError(error) || !(error instanceof CommandError)) this.failedWith(error);
      throw error;
    }
  }

  private push(
    patient: boolean,
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    const { store, envoke, clock, logger } = this.deps;
    return pushReady(
      {
        store,
        envoke,
        clock,
        logger,
        health: this.health,
        changes: this.delivered,
        isClosed: () => this.closed,
        waitPatiently: (until) => this.waitPatiently(until),
        showProgress: (progress) => {
          this.progress = progress;
          onProgress?.(progress);
        },
        emitStatus: () => this.emitStatus(),
      },
      patient,
      report,
    );
  }

  /**
   * Pull pages and `syncOnce`'s push wait for a retry moment here, unless Envoke asked for longer
   * than anyone would wait: then they stop, keeping what they did, and the timer comes back.
   */
  private async waitPatiently(until: number): Promise<void> {
    const ms = until - this.deps.clock.now();
    if (ms > PATIENT_WAIT_MAX_MS) {
      throw new CommandError(
        'offline',
        `Envoke asked to wait ${Math.ceil(ms / 1000)} s before more requests; nothing is lost, and sync goes on after that.`,
      );
    }
    await wait(this.deps.clock, ms, this.abort.signal);
  }

  private failedWith(error: unknown): void {
    this.health.failed(error, this.deps.clock.now());
    this.deps.logger.warn('Sync with Envoke failed', { error: this.health.lastError });
  }

  /** A reason to try now: drop our own backoff and the outbox's, never a wait Envoke asked for. */
  private forgetBackoff(): void {
    const now = this.deps.clock.now();
    this.health.forgetBackoff(now);
    this.deps.store.outbox.clearBackoff(now);
  }

  // --- when to wake -----------------------------------------------------------------------------

  /** After every job: wake up for the next retry, the next periodic pull or a probe. */
  private plan(): void {
    const { health } = this;
    if (this.closed || !this.started || health.authPaused) return;
    const { store, clock } = this.deps;
    const now = clock.now();
    const moments = [this.pulls.nextAt(store.syncState.get('lastFullPullAt'))];
    const nextRow = store.outbox.nextAttemptAfter(now);
    if (nextRow !== null) moments.push(nextRow);
    if (health.offline || health.troubled) moments.push(health.holdUntil);
    this.wakeAt(Math.max(Math.min(...moments), health.holdUntil, now));
  }

  private wakeAt(at: number): void {
    if (!this.closed) this.timer.wakeAt(at);
  }

  private emitStatus(): void {
    if (this.closed) return;
    this.deps.events.emit('sync:status', this.status());
  }
}
