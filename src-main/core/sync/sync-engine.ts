/**
 * The one request loop between the cache and Envoke. The loop only decides *when* to talk to
 * Envoke; what is said belongs to its delegates: the pull (pull.ts), the push (push-loop.ts),
 * which send and report how each request went. How many at once, when to try again and when to
 * give up is its pacing (pacing.ts), over what ConnectionHealth knows of the connection.
 * `leads:changed` is batched by ChangeBatcher. Jobs (a background cycle, a `syncOnce`) run one
 * at a time, so a pull never interleaves with a push; the person keeps working meanwhile because
 * every local command is a synchronous SQLite transaction.
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
 */
import type { SyncProgress, SyncStatus } from '#contract/dto';
import type { EventPayload } from '#contract/events';
import { type Clock, type Logger, type SyncReport, type SyncWhat } from '../api';
import type { EnvokeClient } from '../envoke';
import type { CoreEvents } from '../events';
import type { Store } from '../tables/store';
import { ChangeBatcher } from './change-batcher';
import { JobQueue } from './job-queue';
import { ConnectionHealth } from './connection-health';
import { SyncPacing } from './pacing';
import type { PullDeps } from './pull';
import { pullJob } from './pull-job';
import { PullSchedule } from './pull-schedule';
import { pushReady } from './push-loop';
import { addPull, emptyReport, syncStatus } from './sync-report';
import { SyncStopped, toCommandError } from './sync-errors';
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
  delivered?: (ids: number[]) => NonNullable<ChangedLeads['delivered']>;
}

type ChangedLeads = EventPayload<'leads:changed'>;

/** Edits usually come in bursts (a bulk action, fast keys): send once they pause. */
const PUSH_DEBOUNCE_MS = 250;

export class SyncEngine {
  private readonly abort = new AbortController();
  private readonly jobs = new JobQueue({
    mayStart: () => !this.closed,
    started: () => this.emitStatus(),
    ended: () => {
      this.progress = null;
      this.changes.flush();
      this.delivered.flush();
      this.emitStatus();
    },
  });
  private cycleQueued = false;
  private started = false;
  private closed = false;

  private readonly health: ConnectionHealth;
  private readonly pacing: SyncPacing;
  private readonly changes: ChangeBatcher;
  /** The leads Envoke's answers to a push reached, announced apart from a pull's changes. */
  private readonly delivered: ChangeBatcher;
  private progress: SyncProgress | null = null;
  private readonly pulls = new PullSchedule();
  private readonly timer: WakeTimer;

  constructor(private readonly deps: EngineDeps) {
    this.health = new ConnectionHealth(deps.random);
    this.pacing = new SyncPacing(this.health, deps.clock, this.abort.signal);
    const announce = (changed: ChangedLeads) => {
      if (!this.closed) deps.events.emit('leads:changed', changed);
    };
    this.changes = new ChangeBatcher(deps.clock, (ids) => announce({ ids }));
    this.delivered = new ChangeBatcher(deps.clock, (ids) =>
      announce(ids === null || !deps.delivered ? { ids } : { ids, delivered: deps.delivered(ids) }),
    );
    this.timer = new WakeTimer(deps.clock, () => this.kick());
  }

  status(): SyncStatus {
    return syncStatus(this.deps.store, this.health, {
      busy: this.jobs.running,
      progress: this.progress,
      now: this.deps.clock.now(),
    });
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
    this.pacing.tryNow(this.deps.store.outbox);
    if (this.started) this.kick();
  }

  /** The person asks to sync now: forget waits and a credentials pause, fetch new leads, push. */
  runNow(): void {
    if (this.closed) return;
    this.health.resume();
    this.pacing.tryNow(this.deps.store.outbox);
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
    return this.jobs.run(async () => {
      const { clock, store } = this.deps;
      const report = emptyReport();
      let phase = 'Pulling leads failed';
      try {
        if (what !== 'push') {
          // The person asks: our own backoff gives way, a wait Envoke asked for does not.
          this.pacing.tryNow(this.deps.store.outbox);
          const startedAt = clock.now();
          await this.pull(what === 'new' ? 'new' : 'full', report, onProgress);
          report.pullMs = clock.now() - startedAt;
        }
        if (what === 'push' || what === 'both') {
          phase = 'Sending changes failed';
          this.health.resume();
          this.pacing.tryNow(this.deps.store.outbox);
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
    if (this.closed) return this.jobs.settled();
    this.closed = true;
    this.timer.clear();
    this.abort.abort();
    await this.jobs.settled();
  }

  // --- jobs -------------------------------------------------------------------------------------

  private kick(): void {
    if (this.closed || this.cycleQueued) return;
    this.cycleQueued = true;
    this.jobs
      .run(async () => {
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
          this.pacing.failed(error, this.deps.logger);
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
      this.pacing.cycleFailed(error, this.deps.logger);
    }
  }

  private async pull(
    kind: 'full' | 'new',
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    const { store, clock } = this.deps;
    const deps: PullDeps = {
      ...this.deps,
      pacing: this.pacing.pages(),
      signal: this.abort.signal,
      onProgress: (progress) => {
        this.progress = progress;
        onProgress?.(progress);
        this.emitStatus();
      },
      onChanged: (ids) => this.changes.note(ids),
    };
    try {
      const result = await pullJob(deps, kind);
      this.health.connected();
      this.pulls.pulled(clock.now());
      store.syncState.set('lastSyncAt', clock.now());
      if (report !== null) addPull(report, result);
    } catch (error) {
      this.pacing.jobFailed(error, this.deps.logger);
      throw error;
    }
  }

  private push(
    patient: boolean,
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    return pushReady(
      {
        ...this.deps,
        pacing: this.pacing.push(patient),
        changes: this.delivered,
        isClosed: () => this.closed,
        showProgress: (progress) => {
          this.progress = progress;
          onProgress?.(progress);
        },
        emitStatus: () => this.emitStatus(),
      },
      report,
    );
  }

  // --- when to wake -----------------------------------------------------------------------------

  /** After every job: wake up for the next retry, the next periodic pull or a probe. */
  private plan(): void {
    if (this.closed || !this.started || this.health.authPaused) return;
    const { store, clock } = this.deps;
    const pullAt = this.pulls.nextAt(store.syncState.get('lastFullPullAt'));
    this.wakeAt(this.pacing.nextWake(pullAt, store.outbox.nextAttemptAfter(clock.now())));
  }

  private wakeAt(at: number): void {
    if (!this.closed) this.timer.wakeAt(at);
  }

  private emitStatus(): void {
    if (this.closed) return;
    this.deps.events.emit('sync:status', this.status());
  }
}
