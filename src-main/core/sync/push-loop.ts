/**
 * Sending the outbox: ready changes go to Envoke round by round until none is ready. The sync
 * engine decides when this runs; this decides what goes out in each round and what each answer
 * says of the connection.
 */
import type { SyncProgress } from '#contract/dto';
import type { Clock, Logger, SyncReport } from '../api';
import type { EnvokeClient } from '../envoke';
import type { OutboxRow } from '../store/outbox-table';
import type { Store } from '../store/store';
import type { ChangeBatcher } from './change-batcher';
import type { ConnectionHealth } from './connection-health';
import { markSending, pushRow, type PushOutcome } from './push-row';
import { ServerCopiesAhead } from './server-copies-ahead';
import { failureKind, SyncStopped } from './sync-errors';

/** `syncOnce` waits out this many 429/5xx answers in a row before giving up. */
const PATIENT_RETRIES = 5;
/**
 * Changes of different leads in flight at once, once Envoke has answered RAMP_AFTER in a row
 * in this push: a slow or failing connection is sent one change at a time.
 */
const PUSH_IN_FLIGHT = 4;
const RAMP_AFTER = 16;
/** During a push, `sync:status` at most this often. */
const PUSH_STATUS_EVERY_MS = 200;

export interface PushLoopDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  logger: Logger;
  health: ConnectionHealth;
  changes: ChangeBatcher;
  isClosed(): boolean;
  /** Waits until `until` for a retry moment, or throws when that is too long to wait. */
  waitPatiently(until: number): Promise<void>;
  showProgress(progress: SyncProgress): void;
  emitStatus(): void;
}

/**
 * Sends ready rows until none is ready. `patient` (syncOnce) waits out retries up to
 * PATIENT_RETRIES; the background returns and lets the engine's timer come back.
 */
export async function pushReady(
  loop: PushLoopDeps,
  patient: boolean,
  report: SyncReport | null,
): Promise<void> {
  const { store, clock, health } = loop;
  const startedAt = clock.now();
  const total = store.outbox.counts().pending;
  let sent = 0;
  let patience = PATIENT_RETRIES;
  const ahead = new ServerCopiesAhead(store, loop.envoke, clock, loop.logger);
  const readAhead = (envokeId: string) => ahead.take(envokeId);
  let statusAt = 0;
  let answeredInRow = 0;
  // Rows another engine on this file claimed and never finished (it crashed) are sent again.
  store.transaction(() => store.outbox.recoverAbandoned(clock.now()));
  for (;;) {
    if (loop.isClosed()) throw new SyncStopped();
    let now = clock.now();
    if (health.isHeld(now)) {
      if (!patient) return;
      await loop.waitPatiently(health.holdUntil);
      now = clock.now();
    }
    const first = store.outbox.nextReady(now);
    if (first === undefined) {
      const next = store.outbox.nextAttemptAfter(now);
      if (!patient || next === null) break;
      await loop.waitPatiently(next);
      continue;
    }

    // A round: the next ready change, and once Envoke has answered RAMP_AFTER changes in a
    // row, the next few of other leads beside it. Each is claimed and marked 'sending' before
    // the next is chosen, which holds back its lead's later changes, so a lead's changes still
    // go one after another. The marks commit in one durable transaction before any row goes
    // out; that commit also makes the previous round's answers durable (see outcomeTransaction).
    const deps = { store, envoke: loop.envoke, clock, logger: loop.logger, readAhead };
    const retryAt = (error: unknown) => health.backOff(error, clock.now());
    const width = answeredInRow >= RAMP_AFTER ? PUSH_IN_FLIGHT : 1;
    // Chosen again inside the transaction, which holds the write lock: another engine on
    // the same file may have claimed `first` since it was read.
    const rows = store.transaction(() => {
      const chosen: OutboxRow[] = [];
      while (chosen.length < width) {
        const row = store.outbox.nextReady(clock.now());
        if (row === undefined || !markSending(deps, row)) break;
        chosen.push(row);
      }
      return chosen;
    });
    if (rows.length === 0) continue;
    const round = rows.map((row) => pushRow(deps, row, retryAt));
    let trouble: Extract<PushOutcome, { kind: 'auth' | 'retry' }> | undefined;
    for (const outcome of await Promise.all(round)) {
      loop.changes.note([outcome.leadId]);
      if (outcome.kind === 'auth' || outcome.kind === 'retry') {
        trouble ??= outcome;
        answeredInRow = 0;
        continue;
      }
      // Envoke answered: the connection is fine whatever it said, and patience starts over
      // (it counts failures in a row, not scattered ones).
      health.connected();
      patience = PATIENT_RETRIES;
      answeredInRow += 1;
      sent += 1;
      if (report !== null) countOutcome(report, outcome);
    }
    loop.changes.flush();
    if (trouble !== undefined) {
      health.troubleSeen(trouble.error);
      if (trouble.kind === 'auth') throw trouble.error;
      if (!patient) return;
      patience -= 1;
      if (patience <= 0 || failureKind(trouble.error) === 'offline') throw trouble.error;
    }
    const seconds = Math.max(0.001, (clock.now() - startedAt) / 1000);
    loop.showProgress({
      phase: 'push',
      done: sent,
      total: Math.max(total, sent),
      perSecond: Math.round(sent / seconds),
    });
    // The status counts every open change: a few times a second is what the status bar
    // shows, not once per change of a long queue.
    if (clock.now() - statusAt >= PUSH_STATUS_EVERY_MS) {
      statusAt = clock.now();
      loop.emitStatus();
    }
  }
  if (sent > 0) store.syncState.set('lastSyncAt', clock.now());
  loop.emitStatus();
}

function countOutcome(
  report: SyncReport,
  outcome: Exclude<PushOutcome, { kind: 'auth' | 'retry' }>,
): void {
  if (outcome.kind === 'failed') {
    report.failed += 1;
    return;
  }
  if (outcome.kind === 'created') report.created += 1;
  if (outcome.kind === 'created' || outcome.fields > 0) report.pushed += 1;
  if (outcome.kind === 'sent') report.conflicts += outcome.conflicts;
}
