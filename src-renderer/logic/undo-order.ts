/**
 * What `z` undoes. The core keeps the history of lead changes; this keeps what the person did on
 * this screen since it opened, newest last: lead changes (undone by the core) and deleted saved
 * views (brought back here). When `z` would reach past that (a change from before this window
 * opened, or from before something `z` cannot undo, such as renaming a view), it first says what
 * it would undo and waits for a second `z`, so an old bulk change never goes back by surprise.
 */
import type { SavedView } from '#contract';
import { timeAgo } from './format';

export type OnScreen = { kind: 'leads' } | { kind: 'view'; view: SavedView };

/** What the next `z` does. */
export type UndoStep =
  { kind: 'core' } | { kind: 'view'; view: SavedView } | { kind: 'ask'; about: OnScreen | null };

const CONFIRM_MS = 8_000;

export class UndoOrder {
  /** Newest last; `otherAfter`: something `z` cannot undo happened after this entry. */
  private readonly done: { entry: OnScreen; otherAfter: boolean }[] = [];
  private askedAt: number | null = null;

  private push(entry: OnScreen): void {
    this.done.push({ entry, otherAfter: false });
    this.askedAt = null;
  }

  leadChange(): void {
    this.push({ kind: 'leads' });
  }

  viewDeleted(view: SavedView): void {
    this.push({ kind: 'view', view });
  }

  /** An action `z` does not undo (a rename, a dismissed duplicate): `z` asks before going past. */
  other(): void {
    const top = this.done.at(-1);
    if (top) top.otherAfter = true;
    this.askedAt = null;
  }

  /** Redo put a lead change back: the next `z` undoes it again without asking. */
  redone(): void {
    this.leadChange();
  }

  /** Decides what `z` pressed at `now` does, and takes that entry off the list. */
  next(now: number): UndoStep {
    const top = this.done.at(-1);
    const confirmed = this.askedAt !== null && now - this.askedAt <= CONFIRM_MS;
    if ((top === undefined || top.otherAfter) && !confirmed) {
      this.askedAt = now;
      return { kind: 'ask', about: top?.entry ?? null };
    }
    this.askedAt = null;
    this.done.pop();
    return top?.entry.kind === 'view' ? { kind: 'view', view: top.entry.view } : { kind: 'core' };
  }
}

/** "Press z again to undo: Marketing rating → Hot (3 leads), made 12 min ago." */
export function askSentence(
  key: string,
  about: OnScreen | null,
  core: { label: string; at: string } | null,
  now: number,
): string {
  if (about?.kind === 'view')
    return `Press ${key} again to bring back the deleted view “${about.view.name}”.`;
  if (core === null) return 'Nothing to undo.';
  return `Press ${key} again to undo: ${core.label}, made ${timeAgo(core.at, now)}.`;
}
