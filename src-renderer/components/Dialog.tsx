/**
 * A modal panel: takes focus when it opens, keeps Tab inside, and gives focus back when it closes,
 * so the person never has to reach for the mouse to find where they were. Esc is the dialog's own
 * key (`onClose`): it works wherever focus is inside, and also when focus fell out of the dialog
 * to the page (a button that disabled itself while it worked), which then comes back inside.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"]), summary';

interface Props {
  title: string;
  className?: string;
  children: ReactNode;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** What Esc does: close this dialog. */
  onClose?: () => void;
}

function keepTabInside(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Focus is on nothing in particular: the page itself, not a control. */
function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

function isTopDialog(dialog: HTMLElement | null): boolean {
  const dialogs = document.querySelectorAll('[role="dialog"]');
  return dialog !== null && dialogs[dialogs.length - 1] === dialog;
}

export function Dialog({ title, className, children, onKeyDown, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const onPageKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !focusIsLost() || !isTopDialog(ref.current)) return;
      if (event.key === 'Escape' && close.current) {
        event.preventDefault();
        close.current();
      } else {
        ref.current?.focus();
      }
    };
    document.addEventListener('keydown', onPageKey, true);
    return () => document.removeEventListener('keydown', onPageKey, true);
  }, []);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current;
    target?.focus();
    // Editing a note goes on from its end, as in any text editor.
    if (target instanceof HTMLTextAreaElement)
      target.setSelectionRange(target.value.length, target.value.length);
    return () => {
      const back =
        previous && previous !== document.body && document.contains(previous) ? previous : null;
      (back ?? document.getElementById('lead-list'))?.focus();
    };
  }, []);

  return (
    <div className="backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        // Focusable, so a long dialog (help) scrolls with the keyboard even with nothing to press.
        tabIndex={0}
        className={`dialog ${className ?? ''}`}
        onKeyDown={(event) => {
          keepTabInside(event);
          onKeyDown?.(event);
          if (!event.defaultPrevented && event.key === 'Escape' && onClose) {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
