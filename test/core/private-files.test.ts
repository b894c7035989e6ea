/**
 * Issue 8, point 5: lead data is readable by its owner only. The database, its -wal and -shm,
 * and the folders the app makes are 0600 / 0700 on a real file system whatever the umask; an
 * older database and the app's own folder from before are tightened; a folder the person named
 * is left alone.
 */
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/open-database';
import { makePrivateFolder } from '../../src-main/core/db/private-files';
import { runCore } from '../../src-main/session/running-core';
import { silentLogger } from '../../src-main/core/api';
import { tempDir, TEST_DB_KEY } from './helpers';
import { expectOwnerOnly, itWithUnixModes } from '../support/owner-only';

const dir = tempDir();
const modeOf = (path: string) => statSync(path).mode & 0o777;
let umask: number;

beforeEach(() => {
  // The loosest umask: nothing may rely on it to keep files private.
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
});
afterAll(() => dir.cleanup());

describe('database files', () => {
  it('creates the database, -wal and -shm owner-only', () => {
    const path = join(dir.dir, 'fresh.db');
    const db = openDatabase(path);
    try {
      db.prepare("INSERT INTO sync_state (key, value) VALUES ('probe', '1')").run();
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file)).toBe(true);
        expectOwnerOnly(file, 'file');
      }
    } finally {
      db.close();
    }
  });

  itWithUnixModes(
    'tightens a database and its -wal and -shm made readable by an older version',
    () => {
      const path = join(dir.dir, 'older.db');
      openDatabase(path).close();
      writeFileSync(`${path}-wal`, '');
      writeFileSync(`${path}-shm`, '');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) chmodSync(file, 0o644);
      const db = openDatabase(path);
      try {
        for (const file of [path, `${path}-wal`, `${path}-shm`])
          expect(modeOf(file).toString(8)).toBe('600');
      } finally {
        db.close();
      }
    },
  );
});

describe('folders', () => {
  it('creates every missing folder owner-only', () => {
    const base = join(dir.dir, 'made');
    makePrivateFolder(join(base, 'Lead Triage', 'browser'));
    for (const folder of [base, join(base, 'Lead Triage'), join(base, 'Lead Triage', 'browser')])
      expectOwnerOnly(folder, 'folder');
  });

  itWithUnixModes(
    "tightens the app's own folder when it exists, and never a folder the person named",
    () => {
      const own = join(dir.dir, 'own');
      const theirs = join(dir.dir, 'theirs');
      mkdirSync(own, { mode: 0o755 });
      mkdirSync(theirs, { mode: 0o755 });
      chmodSync(own, 0o755);
      chmodSync(theirs, 0o755);
      makePrivateFolder(own, { tightenExisting: true });
      makePrivateFolder(theirs);
      expect(modeOf(own).toString(8)).toBe('700');
      expect(modeOf(theirs).toString(8)).toBe('755');
    },
  );

  it('the demo backend keeps its database in an owner-only folder', async () => {
    const path = join(dir.dir, 'backend', 'data', 'demo.db');
    const backend = await runCore(null, {
      dbPath: path,
      logger: silentLogger,
      demoLeads: 10,
      databaseKey: () => TEST_DB_KEY,
    });
    try {
      expectOwnerOnly(join(dir.dir, 'backend'), 'folder');
      expectOwnerOnly(join(dir.dir, 'backend', 'data'), 'folder');
      expectOwnerOnly(path, 'file');
    } finally {
      await backend.close();
    }
  });
});
