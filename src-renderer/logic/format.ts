/** Words and numbers as the status bar and panels show them. */
import type { SyncStatus } from '#contract';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "just now", "2 min ago", "3 h ago", "4 days ago". */
export function timeAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'at an unknown time';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** A short local date and time for the activity log and outbox. */
export function formatTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * A message from the core as a sentence of its own: capital first letter, full stop at the end.
 * The core's messages already say who spoke ("Envoke rejected the request: …"), so nothing is
 * put in front of them.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The connection in a few words, first thing in the status bar. */
export function connectionWords(status: SyncStatus): string {
  switch (status.state) {
    case 'idle':
      return 'Online';
    case 'syncing':
      return 'Syncing';
    case 'offline':
      return 'Offline';
    case 'auth-required':
      return 'Envoke refused the API key: check it in Settings ( , )';
    case 'error':
      return 'Sync failed';
  }
}

/** "trying again in 8 s", "trying again in 2 min", "trying again now": a retry that waits. */
export function retryWords(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'trying again soon';
  const seconds = Math.ceil((at - now) / 1000);
  if (seconds <= 0) return 'trying again now';
  if (seconds < 90) return `trying again in ${seconds} s`;
  return `trying again in ${Math.round(seconds / 60)} min`;
}

/** "Downloading leads: 1,200 so far, 850 a second" or "Sending changes: 3 of 12". */
export function progressWords(progress: NonNullable<SyncStatus['progress']>): string {
  const what = progress.phase === 'pull' ? 'Downloading leads' : 'Sending changes';
  const amount =
    progress.total === null
      ? `${formatCount(progress.done)} so far`
      : `${formatCount(progress.done)} of ${formatCount(progress.total)}`;
  const rate =
    progress.perSecond > 0 ? `, ${formatCount(Math.round(progress.perSecond))} a second` : '';
  return `${what}: ${amount}${rate}`;
}

/** The same in a few words for the status bar: "35,000 leads in" or "3 of 12 sent". */
export function shortProgress(progress: NonNullable<SyncStatus['progress']>): string {
  if (progress.phase === 'pull') return `${plural(progress.done, 'lead')} in`;
  return progress.total === null
    ? `${formatCount(progress.done)} sent`
    : `${formatCount(progress.done)} of ${formatCount(progress.total)} sent`;
}

/**
 * A pipeline step's share of the step before: "45%". Past 100% it carries a mark (†) whose
 * sentence (OVER_100) says why: a step counts the leads that reached it in the period.
 */
export function shareOfPrevious(rate: number | null): string {
  return rate === null ? '' : `${Math.round(rate * 100)}%${rate > 1 ? ' †' : ''}`;
}

export const OVER_100 =
  '† More leads reached this step in the period than the step before: each step counts the leads that reached it in the period, and some passed the step before earlier.';
