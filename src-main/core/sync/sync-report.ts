/**
 * What sync says of itself: the status bar's `sync:status`, and what one `syncOnce` did,
 * gathered from the pull's report and the push's outcomes.
 */
import type { SyncProgress, SyncStatus } from '#contract/dto';
import { UNREADABLE_LISTED, type SyncReport } from '../api';
import type { Store } from '../tables/store';
import type { ConnectionHealth } from './connection-health';
import type { PullReport } from './pull';

/** The engine's status at `now`: the connection, the open changes, and the next retry. */
export function syncStatus(
  store: Store,
  health: ConnectionHealth,
  job: { busy: boolean; progress: SyncProgress | null; now: number },
): SyncStatus {
  const { now } = job;
  const lastSyncAt = store.syncState.get('lastSyncAt');
  const accountReadAt = store.syncState.get('accountReadAt');
  const retryAt = health.isHeld(now) ? health.holdUntil : store.outbox.nextAttemptAfter(now);
  return {
    state: health.state(job.busy),
    ...store.outbox.counts(),
    progress: job.progress,
    lastSyncAt: lastSyncAt === null ? null : new Date(lastSyncAt).toISOString(),
    lastError: health.lastError,
    nextRetryAt: retryAt === null || health.authPaused ? null : new Date(retryAt).toISOString(),
    accountReadAt: accountReadAt === null ? null : new Date(accountReadAt).toISOString(),
  };
}

export function emptyReport(): SyncReport {
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

export function addPull(report: SyncReport, result: PullReport): void {
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
