/**
 * The checkpoint thread on real files: pull pages reach the database file while the main
 * connection never checkpoints, closing leaves an empty log, a command that changes one thing
 * starts no thread while a person's run of triage keys does, and a thread that cannot start hands checkpoints back to the main connection without
 * losing a write.
 */
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src-main/core/api';
import { Checkpointer } from '../../src-main/core/db/checkpointer';
import { openDatabase } from '../../src-main/core/db/open-database';
import { Store } from '../../src-main/core/tables/store';
import { tempDir } from './helpers';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (message) => warnings.push(message), error() {} };
}

function open(nativeBinding?: string) {
  const dir = tempDir();
  const path = dir.db();
  const db = openDatabase(path);
  const logger = recordingLogger();
  const checkpointer = new Checkpointer(db, path, nativeBinding, logger);
  const store = new Store(db, (bulk) => checkpointer.written(bulk));
  cleanups.push(async () => {
    await checkpointer.close();
    db.close();
    dir.cleanup();
  });
  return { path, db, store, checkpointer, logger };
}

/** About 250 pages of 4 KB each: the log holds them until a checkpoint copies them over. */
function writePage(store: Store, page: number): void {
  const insert = store.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)');
  store.pageTransaction(() => {
    for (let row = 0; row < 250; row += 1) insert.run(`page-${page}-${row}`, 'x'.repeat(3000));
  });
}

function autocheckpoint(db: Database.Database): number {
  return db.pragma('wal_autocheckpoint', { simple: true }) as number;
}

describe('Checkpointer', () => {
  it('copies pull pages into the database file on its own thread', async () => {
    const { path, db, store } = open();
    writePage(store, 0);
    // Once the thread runs, the main connection checkpoints only past 10,000 log pages.
    await vi.waitFor(() => expect(autocheckpoint(db)).toBe(10_000), { timeout: 10_000 });
    const before = statSync(path).size;
    for (let page = 1; page <= 6; page += 1) writePage(store, page);
    // 1,500 log pages: only the thread can have copied them into the file.
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before + 6 * 250 * 3000), {
      timeout: 10_000,
      interval: 20,
    });
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 7 * 250 });
  });

  it('closes with the log copied and emptied, so closing the main connection is quick', async () => {
    const { path, db, store, checkpointer } = open();
    for (let page = 0; page < 3; page += 1) writePage(store, page);
    await checkpointer.close();
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 750 });
  });

  it('starts no thread for a command that changes one thing', async () => {
    const { db, store, checkpointer } = open();
    store.transaction(() => store.syncState.set('lastSyncAt', 1));
    await checkpointer.close();
    expect(autocheckpoint(db)).toBe(1000);
  });

  it('starts the thread once the person has made a few changes, so no key pays a checkpoint', async () => {
    const { db, store } = open();
    for (let key = 0; key < 3; key += 1)
      store.transaction(() => store.syncState.set('lastSyncAt', key));
    expect(autocheckpoint(db)).toBe(1000);
    for (let key = 3; key < 12; key += 1)
      store.transaction(() => store.syncState.set('lastSyncAt', key));
    await vi.waitFor(() => expect(autocheckpoint(db)).toBe(10_000), { timeout: 10_000 });
  });

  it('hands checkpoints back to the main connection when the thread cannot start', async () => {
    const { db, store, logger } = open('/nonexistent/better_sqlite3.node');
    writePage(store, 0);
    await vi.waitFor(() => expect(logger.warnings).toHaveLength(1), { timeout: 10_000 });
    expect(logger.warnings[0]).toMatch(/checkpoint thread failed/);
    expect(autocheckpoint(db)).toBe(1000);
    writePage(store, 1);
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 500 });
  });
});
