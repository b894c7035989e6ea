/** Short messages: what was undone, what failed and why. Errors stay longer and are announced. */
import { useEffect } from 'react';
import { useStore } from '../store/store';
import type { Toast } from '../store/ui-slice';

const LIFETIME_MS = { info: 4_000, error: 10_000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useStore((s) => s.dismissToast);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.kind]);
    return () => window.clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <li className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
      {toast.text}
    </li>
  );
}

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  return (
    <ul className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ul>
  );
}
