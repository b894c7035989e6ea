/**
 * The one request loop between the cache and Envoke. Jobs (a background cycle, a `syncOnce`) run
 * one at a time, so a pull never interleaves with a push; the person keeps working meanwhile
 * because every local command is a synchronous SQLite transaction.
 *
 * Background (after `start`): pull on start and periodically, push shortly after each change,
 * retry on a timer with full-jitter backoff honouring Retry-After. Offline is learnt from failed
 * requests (and hinted by the OS); while offline a cheap probe decides when to resume. 401/403
 * pause everything until the person asks again (`runNow`) or the account changes (a new core).
 */
import type { ConnectionState, SyncProgress, SyncStatus } from '#contract/dto';
import { CommandError } from '#contract/errors';
import { UNREADABLE_LISTED, type Clock, type Logger, type SyncReport, type SyncWhat } from '../api';
import { describeEnvokeError, isEnvokeError, type EnvokeClient } from '../envoke';
import type { CoreEvents } from '../events';
import type { Store } from '../store/store';
import { backoffDelay } from './backoff';
import { fullPull, quickPull, type PullDeps } from './pull';
import { markSending, pushRow, type PushOutcome } from './push-row';
import { ServerCopiesAhead } from './server-copies-ahead';
import { failureKind, SyncStopped, toCommandError } from './sync-errors';
import { wait } from './wait';

export interface EngineDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  logger: Logger;
  random: () => number;
  events: CoreEvents;
}

/** Edits usually come in bursts (a bulk action, fast keys): send once they pause. */
const PUSH_DEBOUNCE_MS = 250;
/** Envoke has no "changed since": new leads are polled often, everything else by full pulls. */
const NEW_LEADS_EVERY_MS = 2 * 60_000;
const FULL_PULL_EVERY_MS = 30 * 60_000;
/** `syncOnce` waits out this many 429/5xx answers in a row before giving up. */
const PATIENT_RETRIES = 5;
/** ...but never waits longer than this for one retry. */
const PATIENT_WAIT_MAX_MS = 2 * 60_000;
/** `leads:changed` during a pull: at most this often, so the list does not refetch per page. */
const CHANGED_EVERY_MS = 500;
/** More changed ids than this are announced as "many". */
const CHANGED_IDS_MAX = 500;
/**
 * Changes of different leads in flight at once, once Envoke has answered RAMP_AFTER in a row
 * in this push: a slow or failing connection is sent one change at a time.
 */
const PUSH_IN_FLIGHT = 4;
const RAMP_AFTER = 16;
/** During a push, `sync:status` at most this often. */
const PUSH_STATUS_EVERY_MS = 200;

function emptyReport(): SyncReport {
  return {
    fullPull: false,
    pulled: 0,
    new: 0,
    updated: 0,
    invalid: 0,
    unreadable: [],
    gone: 0,
    pushed: 0,
    created: 0,
    conflicts: 0,
    failed: 0,
    waiting: 0,
    pullMs: 0,
    pushMs: 0,
  };
}

export class SyncEngine {
  private readonly abort = new AbortController();
  private jobs: Promise<void> = Promise.resolve();
  private busy = false;
  private cycleQueued = false;
  private started = false;
  private closed = false;

  private offline = false;
  private authPaused = false;
  /** Envoke answered, but not usefully (5xx, 429, unreadable, refused the query). */
  private troubled = false;
  private lastError: string | null = null;
  private failures = 0;
  private holdUntil = 0;
  private holdIsRateLimit = false;
  private progress: SyncProgress | null = null;
  private pullWanted: 'full' | 'new' | null = null;
  private lastPullAt = 0;

  private timer: unknown = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private changedIds = new Set<number>();
  private changedMany = false;
  private changedAt = 0;

  constructor(private readonly deps: EngineDeps) {}

  status(): SyncStatus {
    const { store, clock } = this.deps;
    const now = clock.now();
    const counts = store.outbox.counts();
    const lastSyncAt = store.syncState.get('lastSyncAt');
    const retryAt = this.holdUntil > now ? this.holdUntil : store.outbox.nextAttemptAfter(now);
    return {
      state: this.connectionState(),
      ...counts,
      progress: this.progress,
      lastSyncAt: lastSyncAt === null ? null : new Date(lastSyncAt).toISOString(),
      lastError: this.lastError,
      nextRetryAt: retryAt === null || this.authPaused ? null : new Date(retryAt).toISOString(),
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
      this.offline = true;
      this.emitStatus();
      return;
    }
    this.forgetBackoff();
    if (this.started) this.kick();
  }

  /** The person asks to sync now: forget waits and a credentials pause, fetch new leads, push. */
  runNow(): void {
    if (this.closed) return;
    this.authPaused = false;
    this.forgetBackoff();
    this.pullWanted ??= 'new';
    this.kick();
  }

  /** The scope changed: the next cycle pulls everything in the new scope. */
  scopeChanged(): void {
    this.pullWanted = 'full';
    if (this.started) this.kick();
  }

  /** Local commands changed the outbox. */
  outboxChanged(): void {
    if (this.closed) return;
    this.emitStatus();
    if (this.started && !this.authPaused) {
      this.wakeAt(Math.max(this.deps.clock.now() + PUSH_DEBOUNCE_MS, this.holdUntil));
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
          const startedAt = clock.now();
          await this.pull(what === 'new' ? 'new' : 'full', report, onProgress);
          report.pullMs = clock.now() - startedAt;
        }
        if (what === 'push' || what === 'both') {
          phase = 'Sending changes failed';
          this.authPaused = false;
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
    this.clearTimer();
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
        this.flushChanged();
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
    if (this.closed || this.authPaused || this.deps.clock.now() < this.holdUntil) return;
    try {
      if (this.offline) {
        try {
          await this.deps.envoke.probe();
        } catch (error) {
          this.failedWith(error);
          return;
        }
        this.connected();
      }
      const pull = this.pullWanted ?? this.periodicPull();
      if (pull !== null) {
        await this.pull(pull, null);
        this.pullWanted = null;
      }
      await this.push(false, null);
    } catch (error) {
      // Envoke's failures were noted where they happened; anything else is a fault of ours.
      if (error instanceof SyncStopped || isEnvokeError(error)) return;
      this.deps.logger.error('Background sync failed unexpectedly', { error: String(error) });
      this.backOff(error);
      this.troubled = true;
      this.lastError =
        error instanceof CommandError ? error.message : 'Sync stopped on an unexpected problem';
    }
  }

  private periodicPull(): 'full' | 'new' | null {
    if (!this.started) return null;
    const now = this.deps.clock.now();
    const lastFull = this.deps.store.syncState.get('lastFullPullAt');
    if (lastFull === null || now >= lastFull + FULL_PULL_EVERY_MS) return 'full';
    return now >= this.lastPullAt + NEW_LEADS_EVERY_MS ? 'new' : null;
  }

  private async pull(
    kind: 'full' | 'new',
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    const { store, envoke, clock, random, logger } = this.deps;
    const deps: PullDeps = {
      store,
      envoke,
      clock,
      random,
      logger,
      signal: this.abort.signal,
      onProgress: (progress) => {
        this.progress = progress;
        onProgress?.(progress);
        this.emitStatus();
      },
      onChanged: (ids) => this.noteChanged(ids),
    };
    try {
      const result = kind === 'full' ? await fullPull(deps) : await quickPull(deps);
      this.connected();
      this.lastPullAt = clock.now();
      store.syncState.set('lastSyncAt', clock.now());
      if (report !== null) {
        report.fullPull = result.full;
        report.pulled += result.pulled;
        report.new += result.added;
        report.updated += result.updated;
        report.invalid += result.invalid;
        report.unreadable.push(
          ...result.unreadable.slice(0, UNREADABLE_LISTED - report.unreadable.length),
        );
        report.gone += result.gone;
      }
    } catch (error) {
      if (!(error instanceof SyncStopped)) this.failedWith(error);
      throw error;
    }
  }

  /**
   * Sends ready rows one at a time until none is ready. `patient` (syncOnce) waits out retries
   * up to PATIENT_RETRIES; the background returns and lets the timer come back.
   */
  private async push(
    patient: boolean,
    report: SyncReport | null,
    onProgress?: (p: SyncProgress) => void,
  ) {
    const { store, clock } = this.deps;
    const startedAt = clock.now();
    const total = store.outbox.counts().pending;
    let sent = 0;
    let patience = PATIENT_RETRIES;
    const ahead = new ServerCopiesAhead(store, this.deps.envoke, clock, this.deps.logger);
    const readAhead = (envokeId: string) => ahead.take(envokeId);
    let statusAt = 0;
    let answeredInRow = 0;
    for (;;) {
      if (this.closed) throw new SyncStopped();
      let now = clock.now();
      if (now < this.holdUntil) {
        if (!patient) return;
        await this.waitPatiently(this.holdUntil);
        now = clock.now();
      }
      const first = store.outbox.nextReady(now);
      if (first === undefined) {
        const next = store.outbox.nextAttemptAfter(now);
        if (!patient || next === null) break;
        await this.waitPatiently(next);
        continue;
      }

      // A round: the next ready change, and once Envoke has answered RAMP_AFTER changes in a
      // row, the next few of other leads beside it. Each is marked 'sending' before the next is
      // chosen, which holds back its lead's later changes, so a lead's changes still go one
      // after another. The marks commit in one durable transaction before any row goes out;
      // that commit also makes the previous round's answers durable (see outcomeTransaction).
      const deps = { store, envoke: this.deps.envoke, clock, logger: this.deps.logger, readAhead };
      const retryAt = (error: unknown) => this.backOff(error);
      const width = answeredInRow >= RAMP_AFTER ? PUSH_IN_FLIGHT : 1;
      const rows = store.transaction(() => {
        const chosen = [first];
        markSending(deps, first);
        while (chosen.length < width) {
          const row = store.outbox.nextReady(clock.now());
          if (row === undefined) break;
          markSending(deps, row);
          chosen.push(row);
        }
        return chosen;
      });
      const round = rows.map((row) => pushRow(deps, row, retryAt));
      let trouble: Extract<PushOutcome, { kind: 'auth' | 'retry' }> | undefined;
      for (const outcome of await Promise.all(round)) {
        this.noteChanged([outcome.leadId]);
        if (outcome.kind === 'auth' || outcome.kind === 'retry') {
          trouble ??= outcome;
          answeredInRow = 0;
          continue;
        }
        // Envoke answered: the connection is fine whatever it said, and patience starts over
        // (it counts failures in a row, not scattered ones).
        this.connected();
        patience = PATIENT_RETRIES;
        answeredInRow += 1;
        sent += 1;
        if (report !== null) {
          if (outcome.kind === 'failed') report.failed += 1;
          else {
            if (outcome.kind === 'created') report.created += 1;
            if (outcome.kind === 'created' || outcome.fields > 0) report.pushed += 1;
            if (outcome.kind === 'sent') report.conflicts += outcome.conflicts;
          }
        }
      }
      this.flushChanged();
      if (trouble !== undefined) {
        this.noteTrouble(trouble.error);
        if (trouble.kind === 'auth') throw trouble.error;
        if (!patient) return;
        patience -= 1;
        if (patience <= 0 || failureKind(trouble.error) === 'offline') throw trouble.error;
      }
      const seconds = Math.max(0.001, (clock.now() - startedAt) / 1000);
      this.progress = {
        phase: 'push',
        done: sent,
        total: Math.max(total, sent),
        perSecond: Math.round(sent / seconds),
      };
      onProgress?.(this.progress);
      // The status counts every open change: a few times a second is what the status bar
      // shows, not once per change of a long queue.
      if (clock.now() - statusAt >= PUSH_STATUS_EVERY_MS) {
        statusAt = clock.now();
        this.emitStatus();
      }
    }
    if (sent > 0) store.syncState.set('lastSyncAt', clock.now());
    this.emitStatus();
  }

  /** `syncOnce` waits for a retry moment, unless Envoke asked for longer than anyone would wait. */
  private async waitPatiently(until: number): Promise<void> {
    const ms = until - this.deps.clock.now();
    if (ms > PATIENT_WAIT_MAX_MS) {
      throw new CommandError(
        'offline',
        `Envoke asked to wait ${Math.ceil(ms / 1000)} s before more changes; they stay queued and go out later.`,
      );
    }
    await wait(this.deps.clock, ms, this.abort.signal);
  }

  // --- connection knowledge --------------------------------------------------------------------

  /** Counts a failure and sets when to try again; returns that moment. */
  private backOff(error: unknown): number {
    this.failures += 1;
    const retryAfterMs = isEnvokeError(error) ? error.retryAfterMs : undefined;
    const at = this.deps.clock.now() + backoffDelay(this.failures, this.deps.random, retryAfterMs);
    this.holdUntil = Math.max(this.holdUntil, at);
    this.holdIsRateLimit = retryAfterMs !== undefined;
    return this.holdUntil;
  }

  private noteTrouble(error: unknown): void {
    this.lastError = describeEnvokeError(error);
    switch (failureKind(error)) {
      case 'offline':
        this.offline = true;
        break;
      case 'auth':
        this.authPaused = true;
        break;
      default:
        this.troubled = true;
    }
  }

  private failedWith(error: unknown): void {
    if (failureKind(error) !== 'auth') this.backOff(error);
    this.noteTrouble(error);
    this.deps.logger.warn('Sync with Envoke failed', { error: this.lastError });
  }

  /** Envoke answered: reachable, and the credentials work. */
  private connected(): void {
    this.offline = false;
    this.authPaused = false;
    this.troubled = false;
    this.failures = 0;
    this.lastError = null;
  }

  /** A reason to try now: drop our own backoff, but never a wait Envoke asked for. */
  private forgetBackoff(): void {
    const now = this.deps.clock.now();
    this.failures = 0;
    if (!this.holdIsRateLimit || this.holdUntil <= now) this.holdUntil = 0;
    this.deps.store.outbox.clearBackoff(now);
  }

  private connectionState(): ConnectionState {
    if (this.authPaused) return 'auth-required';
    if (this.busy) return 'syncing';
    if (this.offline) return 'offline';
    return this.troubled ? 'error' : 'idle';
  }

  // --- timers and events -----------------------------------------------------------------------

  /** After every job: wake up for the next retry, the next periodic pull or a probe. */
  private plan(): void {
    if (this.closed || !this.started || this.authPaused) return;
    const { store, clock } = this.deps;
    const now = clock.now();
    const moments = [this.nextPullAt()];
    const nextRow = store.outbox.nextAttemptAfter(now);
    if (nextRow !== null) moments.push(nextRow);
    if (this.offline || this.troubled) moments.push(this.holdUntil);
    this.wakeAt(Math.max(Math.min(...moments), this.holdUntil, now));
  }

  private nextPullAt(): number {
    const lastFull = this.deps.store.syncState.get('lastFullPullAt') ?? 0;
    return Math.min(this.lastPullAt + NEW_LEADS_EVERY_MS, lastFull + FULL_PULL_EVERY_MS);
  }

  /** Keeps one timer, moved earlier when needed. */
  private wakeAt(at: number): void {
    if (this.closed || (this.timer !== null && this.timerAt <= at)) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = this.deps.clock.setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.kick();
      },
      Math.max(0, at - this.deps.clock.now()),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private emitStatus(): void {
    if (this.closed) return;
    this.deps.events.emit('sync:status', this.status());
  }

  private noteChanged(ids: readonly number[]): void {
    for (const id of ids) this.changedIds.add(id);
    if (this.changedIds.size > CHANGED_IDS_MAX) this.changedMany = true;
    if (this.deps.clock.now() - this.changedAt >= CHANGED_EVERY_MS) this.flushChanged();
  }

  private flushChanged(): void {
    if (this.changedIds.size === 0 && !this.changedMany) return;
    const ids = this.changedMany ? null : [...this.changedIds];
    this.changedIds.clear();
    this.changedMany = false;
    this.changedAt = this.deps.clock.now();
    if (!this.closed) this.deps.events.emit('leads:changed', { ids });
  }
}
