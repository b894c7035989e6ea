/**
 * Sending the outbox: ready changes go to Envoke round by round until none is ready. When this
 * runs, how wide a round is and when trouble ends it are the sync loop's pacing (pacing.ts);
 * this decides what goes out in each round and reports how each change went.
 */
import type { SyncProgress } from '#contract/dto';
import type { Clock, Logger, SyncReport } from '../api';
import type { EnvokeClient } from '../envoke';
import type { OutboxRow } from '../tables/outbox-table';
import type { Store } from '../tables/store';
import type { ChangeBatcher } from './change-batcher';
import type { PushPacing } from './pacing';
import { markSending, pushRow, type PushOutcome } from './push-row';
import { ServerCopiesAhead } from './server-copies-ahead';
import { SyncStopped } from './sync-errors';

/** During a push, `sync:status` at most this often. */
const PUSH_STATUS_EVERY_MS = 200;

export interface PushLoopDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  logger: Logger;
  /** When to send, how wide, and when trouble ends the push: the sync loop's to decide. */
  pacing: PushPacing;
  changes: ChangeBatcher;
  isClosed(): boolean;
  showProgress(progress: SyncProgress): void;
  emitStatus(): void;
}

/**
 * Sends ready rows until none is ready, or the pacing says to stop (a background push leaves
 * waits to the engine's timer; `syncOnce`'s waits them out).
 */
export async function pushReady(loop: PushLoopDeps, report: SyncReport | null): Promise<void> {
  const { store, clock, pacing } = loop;
  const startedAt = clock.now();
  const total = store.outbox.counts().pending;
  let sent = 0;
  const ahead = new ServerCopiesAhead(store, loop.envoke, clock, loop.logger);
  const readAhead = (envokeId: string) => ahead.take(envokeId);
  let statusAt = 0;
  // Rows another engine on this file claimed and never finished (it crashed) are sent again.
  store.transaction(() => store.outbox.recoverAbandoned(clock.now()));
  for (;;) {
    if (loop.isClosed()) throw new SyncStopped();
    if ((await pacing.waitForHold()) === 'stop') return;
    const now = clock.now();
    const first = store.outbox.nextReady(now);
    if (first === undefined) {
      if ((await pacing.waitForNext(store.outbox.nextAttemptAfter(now))) === 'stop') break;
      continue;
    }

    // A round: the next ready change, and once the pacing widens the rounds (Envoke answered
    // many in a row), the next few of other leads beside it. Each is claimed and marked 'sending' before
    // the next is chosen, which holds back its lead's later changes, so a lead's changes still
    // go one after another. The marks commit in one durable transaction before any row goes
    // out; that commit also makes the previous round's answers durable (see outcomeTransaction).
    const deps = { store, envoke: loop.envoke, clock, logger: loop.logger, readAhead };
    const retryAt = (error: unknown) => pacing.retryAt(error);
    const width = pacing.width;
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
        pacing.notAnswered();
        continue;
      }
      pacing.answered();
      sent += 1;
      if (report !== null) countOutcome(report, outcome);
    }
    loop.changes.flush();
    if (
      trouble !== undefined &&
      pacing.roundFailed(trouble.error, trouble.kind === 'auth') === 'stop'
    )
      return;
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
