// The desktop app's database keys, sealed with a stand-in for Electron's safeStorage.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDatabaseKeyring,
  UNPROTECTED_DATABASE_KEY_MESSAGE,
} from '../../src-main/app/database-keys';
import { openDatabase } from '../../src-main/core/db/open-database';
import { recordingLogger } from '../session/fake-handlers';

function memoryRecord() {
  let value: unknown;
  return {
    read: () => value,
    write: (next: unknown) => (value = next),
    remove: () => (value = undefined),
  };
}

function fakeSafeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (bytes: Buffer) => Buffer.from([...bytes].map((byte) => byte ^ 0x5a)).toString(),
  };
}

describe('createDatabaseKeyring', () => {
  it('keeps one sealed key per database file, never the key itself', () => {
    const record = memoryRecord();
    const log = recordingLogger();
    const keyring = createDatabaseKeyring({
      record,
      safeStorage: fakeSafeStorage('gnome_libsecret'),
      platform: 'linux',
      logger: log.logger,
    });
    const demo = keyring.keyFor('/profile/databases/demo.db');
    expect(demo).toHaveLength(32);
    expect(keyring.keyFor('/moved/databases/demo.db').equals(demo)).toBe(true);
    expect(keyring.keyFor('/profile/databases/account-1.db').equals(demo)).toBe(false);
    expect(JSON.stringify(record.read())).not.toContain(demo.toString('hex'));
    expect(keyring.osProtected()).toBe(true);
    expect(keyring.storage()).toBe('keychain');
    keyring.forget('/profile/databases/demo.db');
    expect(keyring.keyFor('/profile/databases/demo.db').equals(demo)).toBe(false);
  });

  it('says plainly when Linux has no keychain (basic_text)', () => {
    const log = recordingLogger();
    const keyring = createDatabaseKeyring({
      record: memoryRecord(),
      safeStorage: fakeSafeStorage('basic_text'),
      platform: 'linux',
      logger: log.logger,
    });
    keyring.keyFor('/p/demo.db');
    expect(keyring.osProtected()).toBe(false);
    // Kept in the settings file, which only this user can read (test/app/settings-and-keys).
    expect(keyring.storage()).toBe('owner-only-file');
    expect(JSON.stringify(log.lines)).toContain(UNPROTECTED_DATABASE_KEY_MESSAGE.slice(0, 60));
  });

  it('keeps an unreadable key rather than replacing it, so opening reports the lost key', () => {
    const record = memoryRecord();
    const logger = recordingLogger().logger;
    const first = createDatabaseKeyring({
      record,
      safeStorage: fakeSafeStorage('keychain'),
      platform: 'darwin',
      logger,
    });
    const key = first.keyFor('/p/demo.db');
    const stored = JSON.stringify(record.read());
    const broken = {
      ...fakeSafeStorage('keychain'),
      decryptString: () => {
        throw new Error('keychain reset');
      },
    };
    const second = createDatabaseKeyring({
      record,
      safeStorage: broken,
      platform: 'darwin',
      logger,
    });
    const dir = mkdtempSync(join(tmpdir(), 'lead-triage-keys-'));
    try {
      const existing = join(dir, 'demo.db');
      writeFileSync(existing, 'encrypted bytes');
      expect(second.keyFor(existing).equals(key)).toBe(false);
      expect(JSON.stringify(record.read())).toBe(stored);
      // No file (it was deleted): nothing to protect, so a new key is made and kept.
      const fresh = join(dir, 'gone', 'demo.db');
      const replaced = second.keyFor(fresh);
      expect(JSON.stringify(record.read())).not.toBe(stored);
      const third = createDatabaseKeyring({
        record,
        safeStorage: fakeSafeStorage('keychain'),
        platform: 'darwin',
        logger,
      });
      expect(third.keyFor(fresh).equals(replaced)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never makes a key for an encrypted database it has no key for, and says where it was expected', () => {
    const record = memoryRecord();
    const keyring = createDatabaseKeyring({
      record,
      safeStorage: fakeSafeStorage('keychain'),
      platform: 'darwin',
      logger: recordingLogger().logger,
    });
    const dir = mkdtempSync(join(tmpdir(), 'lead-triage-keys-'));
    try {
      const existing = join(dir, 'account-1.db');
      openDatabase(existing, { key: Buffer.alloc(32, 3) }).close();
      expect(() => keyring.keyFor(existing)).toThrow(
        "its key is missing from where it was expected: Lead Triage's settings file",
      );
      expect(record.read()).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
