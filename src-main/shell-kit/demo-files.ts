/**
 * The demo's files: its cache (the database, like any account's) and, beside it, the state of
 * the demo's own Envoke (the simulator), so what the person did in the demo is still there after
 * a restart, on both sides. A fresh demo discards both, and only on the person's word
 * (`--fresh-demo`, or the desktop app's menu), never under another Lead Triage using them.
 */
import { rmSync } from 'node:fs';
import { CacheBusyError, readCacheHolder, unsentNotePath } from '../core';

/** The demo Envoke's state, beside the demo's database. */
export function demoEnvokeStatePath(dbPath: string): string {
  return `${dbPath}.envoke.json`;
}

/** Deletes the demo's cache and its Envoke's state: the next start is the demo's first. */
export function discardDemoFiles(dbPath: string): void {
  const holder = readCacheHolder(dbPath);
  if (holder !== null && holder.pid !== process.pid) throw new CacheBusyError(dbPath, holder);
  const state = demoEnvokeStatePath(dbPath);
  const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, unsentNotePath(dbPath)];
  for (const path of [...files, state, `${state}.writing`]) rmSync(path, { force: true });
}
