/**
 * What asks for the person's attention outside the window: the dock/taskbar badge counts every
 * change not yet settled (pending + failed + conflicts), and an OS notification says when a sync
 * has just produced new conflicts or changes Envoke refused (a preference turns it off).
 * Notifications carry counts only, never a lead's contents: they show on a locked screen.
 */
import type { EventPayload } from '#contract';

type SyncStatus = EventPayload<'sync:status'>;

export function badgeCount(status: Pick<SyncStatus, 'pending' | 'failed' | 'conflicts'>): number {
  return status.pending + status.failed + status.conflicts;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The notification for what changed between two statuses, or null when nothing new needs it. */
export function problemNotice(
  previous: Pick<SyncStatus, 'failed' | 'conflicts'> | null,
  next: Pick<SyncStatus, 'failed' | 'conflicts'>,
): { title: string; body: string } | null {
  // The first status after start is what was left from before, not something a sync just did.
  if (previous === null) return null;
  const conflicts = next.conflicts - previous.conflicts;
  const refused = next.failed - previous.failed;
  const parts: string[] = [];
  if (conflicts > 0) {
    parts.push(
      `${plural(conflicts, 'lead was', 'leads were')} also changed in Envoke: choose which value to keep.`,
    );
  }
  if (refused > 0) {
    parts.push(
      `Envoke refused ${plural(refused, 'change', 'changes')}: open the outbox to fix or discard.`,
    );
  }
  if (parts.length === 0) return null;
  const title =
    conflicts > 0 && refused > 0
      ? 'Sync needs you'
      : conflicts > 0
        ? plural(conflicts, 'new conflict', 'new conflicts')
        : plural(refused, 'change refused', 'changes refused');
  return { title, body: parts.join(' ') };
}

export interface AttentionOptions {
  subscribe(listener: (status: SyncStatus) => void): () => void;
  setBadge(count: number): void;
  notify(notice: { title: string; body: string }): void;
  notificationsWanted(): boolean;
}

export function watchAttention(options: AttentionOptions): () => void {
  let previous: SyncStatus | null = null;
  let shown: number | null = null;
  return options.subscribe((status) => {
    const count = badgeCount(status);
    if (count !== shown) {
      shown = count;
      options.setBadge(count);
    }
    const notice = problemNotice(previous, status);
    previous = status;
    if (notice !== null && options.notificationsWanted()) options.notify(notice);
  });
}
