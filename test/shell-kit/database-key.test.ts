// Where the browser host and the CLI keep the database key, and how a lost key is offered a way out.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandError } from '#contract';
import { openDatabase } from '../../src-main/core/db/open-database';
import { writeUnsentNote } from '../../src-main/core/db/unsent-note';
import {
  hostDatabaseKey,
  hostDatabaseKeyStorage,
  keyFilePath,
} from '../../src-main/shell-kit/database-key';
import { openOrOfferStartOver } from '../../src-main/shell-kit/start-over';
import { expectOwnerOnly, itWithUnixModes } from '../support/owner-only';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('hostDatabaseKey', () => {
  it('makes a key file beside the database, readable only by this user, and says what it protects', () => {
    const db = join(dir, 'leads.db');
    const made = hostDatabaseKey(db, {});
    expect(made.key).toHaveLength(32);
    expect(made.notice).toContain('this protects a copied database file, not an account');
    expectOwnerOnly(keyFilePath(db), 'file');
    const again = hostDatabaseKey(db, {});
    expect(again.key.equals(made.key)).toBe(true);
    expect(again.notice).toBeNull();
    // A different database has a different key.
    expect(hostDatabaseKey(join(dir, 'other.db'), {}).key.equals(made.key)).toBe(false);
  });

  itWithUnixModes('narrows a key file someone made readable to others', () => {
    const db = join(dir, 'leads.db');
    writeFileSync(keyFilePath(db), `${'0f'.repeat(32)}\n`, { mode: 0o644 });
    expect(hostDatabaseKey(db, {}).key.toString('hex')).toBe('0f'.repeat(32));
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
  });

  it('prefers LEAD_TRIAGE_DB_KEY and writes no file then; refuses a malformed key in one sentence', () => {
    const db = join(dir, 'leads.db');
    const env = { LEAD_TRIAGE_DB_KEY: 'AB'.repeat(32) };
    expect(hostDatabaseKeyStorage(env)).toBe('environment');
    expect(hostDatabaseKeyStorage({})).toBe('owner-only-file');
    const key = hostDatabaseKey(db, env);
    expect(key.key.toString('hex')).toBe('ab'.repeat(32));
    expect(() => readFileSync(keyFilePath(db))).toThrow();
    expect(() => hostDatabaseKey(db, { LEAD_TRIAGE_DB_KEY: 'abc' })).toThrow(
      'LEAD_TRIAGE_DB_KEY must hold the database key as 64 hexadecimal characters.',
    );
    writeFileSync(keyFilePath(db), 'garbage');
    expect(() => hostDatabaseKey(db, {})).toThrow(/key file .*leads\.db\.key must hold/);
  });
});

describe('hostDatabaseKey for a database that already exists', () => {
  it('never makes a key for an encrypted one, and says where its key was expected', () => {
    const db = join(dir, 'leads.db');
    openDatabase(db, { key: Buffer.alloc(32, 7) }).close();
    writeUnsentNote(db, 4);
    let failure: unknown;
    try {
      hostDatabaseKey(db, {});
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'storage-key' });
    expect((failure as Error).message).toBe(
      `The local database ${db} is encrypted, and its key is missing from where it was expected: ` +
        `the key file ${db}.key (or the variable LEAD_TRIAGE_DB_KEY). Put the key back there ` +
        '(from a backup) to open it. Downloading the leads again starts a new one: 4 changes not ' +
        'yet sent to Envoke would be lost.',
    );
    expect(existsSync(keyFilePath(db))).toBe(false);
  });

  it('refuses a file that is not a database, making no key file beside it', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'call Jane back about the pallets\n'.repeat(300));
    expect(() => hostDatabaseKey(notes, {})).toThrow(/notes\.txt is not a Lead Triage database/);
    expect(existsSync(keyFilePath(notes))).toBe(false);
  });

  it('makes one for an unencrypted cache, which opening then encrypts with it', () => {
    const db = join(dir, 'old.db');
    openDatabase(db).close();
    expect(hostDatabaseKey(db, {}).key).toHaveLength(32);
  });
});

describe('openOrOfferStartOver', () => {
  const lost = new CommandError(
    'storage-key',
    'The local database x.db cannot be opened. Downloading the leads again starts a new one: 3 changes not yet sent would be lost.',
  );

  it('asks with the plan and starts over only on yes', async () => {
    const db = join(dir, 'x.db');
    writeFileSync(db, Buffer.alloc(8192, 0xa7));
    writeUnsentNote(db, 3);
    const open = vi.fn().mockRejectedValueOnce(lost).mockResolvedValueOnce('fresh core');
    const setAside = vi.fn();
    const ask = vi.fn().mockResolvedValue(true);
    await expect(
      openOrOfferStartOver({ open, dbPath: db, keys: () => [], ask, setAside }),
    ).resolves.toBe('fresh core');
    expect(ask).toHaveBeenCalledWith({
      dbPath: db,
      reason: 'The local database x.db cannot be opened.',
      unsent: 3,
      savedTo: null,
    });
    expect(setAside).toHaveBeenCalledWith(db, expect.stringMatching(/x\.db\.unreadable-/));
    expect(existsSync(db)).toBe(false);
  });

  it('changes nothing on no, and never asks for other failures', async () => {
    const db = join(dir, 'y.db');
    writeFileSync(db, Buffer.alloc(8192, 0xa7));
    const setAside = vi.fn();
    await expect(
      openOrOfferStartOver({
        open: () => Promise.reject(lost),
        dbPath: db,
        keys: () => [],
        ask: async () => false,
        setAside,
      }),
    ).rejects.toBe(lost);
    expect(existsSync(db)).toBe(true);
    const disk = new CommandError('storage', 'the disk is full');
    const ask = vi.fn();
    await expect(
      openOrOfferStartOver({ open: () => Promise.reject(disk), dbPath: db, keys: () => [], ask }),
    ).rejects.toBe(disk);
    expect(ask).not.toHaveBeenCalled();
    expect(setAside).not.toHaveBeenCalled();
  });
});
