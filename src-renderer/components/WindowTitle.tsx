/**
 * The window title names the account the window shows: Envoke's name for it (`/v1/settings`)
 * when known, else its API ID, or "Demo data". The desktop app's title bar follows it.
 */
import { useEffect } from 'react';
import { useStore } from '../store/store';

export function accountWords(
  name: string | null | undefined,
  info: { demo: boolean; account: { apiId: string } | null } | null,
): string | null {
  if (name) return name;
  if (info === null) return null;
  return info.demo ? 'Demo data' : (info.account?.apiId ?? null);
}

export function useWindowTitle(): void {
  const name = useStore((s) => s.envokeAccount?.name);
  const info = useStore((s) => s.info);
  const words = accountWords(name, info);
  useEffect(() => {
    document.title = words === null ? 'Lead Triage' : `Lead Triage — ${words}`;
  }, [words]);
}
