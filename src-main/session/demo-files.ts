/**
 * The demo's files: its cache (the database, like any account's) and, beside it, the state of
 * the demo's own Envoke (the simulator), so what the person did in the demo is still there after
 * a restart, on both sides. A fresh demo discards both, and only on the person's word
 * (`--fresh-demo`, or the desktop app's menu).
 */
import { rmSync } from 'node:fs';
import { discardDatabaseFiles } from '../core/db/discard-database';

/** The demo Envoke's state, beside the demo's database. */
export function demoEnvokeStatePath(dbPath: string): string {
  return `${dbPath}.envoke.json`;
}

/** Deletes the demo's cache and its Envoke's state: the next start is the demo's first. */
export function discardDemoFiles(dbPath: string): void {
  discardDatabaseFiles(dbPath);
  const state = demoEnvokeStatePath(dbPath);
  for (const path of [state, `${state}.writing`]) rmSync(path, { force: true });
}
