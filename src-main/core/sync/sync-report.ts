/** What one `syncOnce` did, gathered from the pull's report and the push's outcomes. */
import { UNREADABLE_LISTED, type SyncReport } from '../api';
import type { PullReport } from './pull';

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
