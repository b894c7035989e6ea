// Settings and the API key as the desktop app keeps them: the real electron-store writing a real
// file, with Electron's own modules replaced (no Electron binary runs under Node).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandError } from '#contract';
import { recordingLogger } from '../session/fake-handlers';
import { expectOwnerOnly, itWithUnixModes } from '../support/owner-only';

const NO_RATINGS = { marketing: [], sales: [] };

const electron = vi.hoisted(() => {
  const state = { userData: '' };
  const app = {
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected path ${name}`);
      return state.userData;
    },
    getVersion: () => '0.1.0',
  };
  const ipcMain = { on: () => {} };
  return { state, app, ipcMain, shell: {} };
});

vi.mock('electron', () => ({
  default: electron,
  app: electron.app,
  ipcMain: electron.ipcMain,
  shell: electron.shell,
}));

const { openSettingsFile, createElectronPreferences, storedValue } =
  await import('../../src-main/app/settings-store');
const { createKeychainCredentials, NO_SAFE_STORAGE_MESSAGE } =
  await import('../../src-main/app/credentials');
const { createDatabaseKeyring } = await import('../../src-main/app/database-keys');

const API_KEY = 'sk_live_9f8e7d6c5b4a';
const account = { baseUrl: 'https://e1.envoke.com', apiId: 'acme-sales' };

/** Reversible, and never leaves the plain text visible: enough to see what reaches the disk. */
function fakeSafeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (bytes: Buffer) => Buffer.from([...bytes].map((byte) => byte ^ 0x5a)).toString(),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-settings-'));
  electron.state.userData = dir;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function credentials(backend: string, available = true) {
  const log = recordingLogger();
  const settings = openSettingsFile();
  const safeStorage = fakeSafeStorage(backend, available);
  return {
    ...log,
    settings,
    store: createKeychainCredentials({
      record: storedValue(settings, 'account'),
      safeStorage,
      platform: 'linux',
      logger: log.logger,
    }),
    databaseKeys: createDatabaseKeyring({
      record: storedValue(settings, 'databaseKeys'),
      safeStorage,
      platform: 'linux',
      logger: log.logger,
    }),
  };
}

const settingsText = (): string => readFileSync(join(dir, 'settings.json'), 'utf8');

describe('preferences in electron-store', () => {
  it('starts from defaults, keeps changes across a restart, and ignores a bad stored value', () => {
    const preferences = createElectronPreferences(openSettingsFile());
    expect(preferences.get()).toEqual({
      autoAdvance: true,
      theme: 'system',
      keymap: {},
      ratings: NO_RATINGS,
      notifyProblems: true,
    });
    expect(preferences.update({ theme: 'dark', keymap: { 'rate-hot': ['h'] } })).toEqual({
      autoAdvance: true,
      theme: 'dark',
      keymap: { 'rate-hot': ['h'] },
      ratings: NO_RATINGS,
      notifyProblems: true,
    });

    const reopened = openSettingsFile();
    expect(createElectronPreferences(reopened).get().theme).toBe('dark');
    reopened.set('preferences', { theme: 'neon', autoAdvance: false, keymap: { x: 'not a list' } });
    expect(createElectronPreferences(openSettingsFile()).get()).toEqual({
      autoAdvance: false,
      theme: 'system',
      keymap: {},
      ratings: NO_RATINGS,
      notifyProblems: true,
    });
    expect(
      createElectronPreferences(reopened).update({ notifyProblems: false }).notifyProblems,
    ).toBe(false);
    expect(createElectronPreferences(openSettingsFile()).get().notifyProblems).toBe(false);
  });
});

describe('the settings file', () => {
  it('is readable by this user alone, whatever the umask', () => {
    const umask = process.umask(0o000);
    try {
      createElectronPreferences(openSettingsFile()).update({ theme: 'dark' });
    } finally {
      process.umask(umask);
    }
    expectOwnerOnly(join(dir, 'settings.json'), 'file');
  });

  itWithUnixModes(
    'is narrowed to this user when an older version left it readable to others',
    () => {
      writeFileSync(join(dir, 'settings.json'), '{"preferences":{"theme":"dark"}}', {
        mode: 0o644,
      });
      chmodSync(join(dir, 'settings.json'), 0o644);
      expect(createElectronPreferences(openSettingsFile()).get().theme).toBe('dark');
      expectOwnerOnly(join(dir, 'settings.json'), 'file');
    },
  );
});

describe('API key with a keychain', () => {
  it('stores only encrypted bytes and reads the key back after a restart', () => {
    const { store } = credentials('gnome_libsecret');
    expect(store.keyStorage()).toBe('encrypted');
    store.save({ account, apiKey: API_KEY }, { sessionOnly: false });

    const text = settingsText();
    expect(text).not.toContain(API_KEY);
    expect(text).toContain('acme-sales');
    const stored = JSON.parse(text).account as { encryptedKey: string };
    expect(
      Buffer.from(stored.encryptedKey, 'base64').equals(
        fakeSafeStorage('x').encryptString(API_KEY),
      ),
    ).toBe(true);

    expect(credentials('gnome_libsecret').store.load()).toEqual({ account, apiKey: API_KEY });
  });

  it('forgets the account on clear', () => {
    const { store } = credentials('kwallet5');
    store.save({ account, apiKey: API_KEY }, { sessionOnly: false });
    store.clear();
    expect(store.load()).toBeNull();
    expect(credentials('kwallet5').store.load()).toBeNull();
    expect(settingsText()).not.toContain('acme-sales');
  });

  it('starts on demo data, saying why, when the saved key cannot be decrypted any more', () => {
    credentials('gnome_libsecret').store.save({ account, apiKey: API_KEY }, { sessionOnly: false });
    const restarted = credentials('gnome_libsecret');
    const broken = {
      ...fakeSafeStorage('gnome_libsecret'),
      decryptString: () => {
        throw new Error('keychain reset');
      },
    };
    const store = createKeychainCredentials({
      record: storedValue(restarted.settings, 'account'),
      safeStorage: broken,
      platform: 'linux',
      logger: restarted.logger,
    });
    expect(store.load()).toBeNull();
    expect(restarted.lines.map((line) => line.message)).toEqual([
      'The saved API key could not be decrypted; starting on demo data',
    ]);
  });
});

describe('API key where Linux offers only basic_text', () => {
  it('says the key cannot be kept safely and refuses to write it', () => {
    const { store } = credentials('basic_text');
    expect(store.keyStorage()).toBe('unavailable');
    let refused: unknown;
    try {
      store.save({ account, apiKey: API_KEY }, { sessionOnly: false });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CommandError);
    expect(refused).toMatchObject({ code: 'invalid-input', message: NO_SAFE_STORAGE_MESSAGE });
    expect(store.load()).toBeNull();
  });

  it('keeps the key for the session only when the person chooses, and never on disk', () => {
    const { store } = credentials('basic_text');
    store.save({ account, apiKey: API_KEY }, { sessionOnly: true });
    expect(store.keyStorage()).toBe('session-only');
    expect(store.load()).toEqual({ account, apiKey: API_KEY });
    expect(settingsText()).not.toContain(API_KEY);
    expect(settingsText()).not.toContain('acme-sales');
    // A restart starts on demo data.
    expect(credentials('basic_text').store.load()).toBeNull();
  });

  it('treats a machine where encryption is unavailable the same way', () => {
    const { store } = credentials('gnome_libsecret', false);
    expect(store.keyStorage()).toBe('unavailable');
    expect(() => store.save({ account, apiKey: API_KEY }, { sessionOnly: false })).toThrow(
      NO_SAFE_STORAGE_MESSAGE,
    );
  });
});

describe('account commands over the keychain store', () => {
  async function handlers(backend: string, testOk = true) {
    const { createAppHandlers } = await import('../../src-main/session/app-handlers');
    const { store, settings, databaseKeys } = credentials(backend);
    const switched: unknown[] = [];
    const tested: unknown[] = [];
    let current: typeof account | null = null;
    const session = {
      current: async () => ({ account: current }),
      switchTo: async (target: { account: typeof account } | null) => {
        switched.push(target);
        current = target?.account ?? null;
      },
    };
    const app = createAppHandlers({
      version: '0.1.0',
      host: 'electron',
      preferences: createElectronPreferences(settings),
      credentials: store,
      databaseKeyStorage: () => databaseKeys.storage(),
      session: session as never,
      testConnection: async (saved) => {
        tested.push(saved);
        return testOk
          ? { ok: true, message: 'Connected: Envoke accepted this API ID and key' }
          : { ok: false, message: 'Envoke rejected the API ID or key' };
      },
    });
    return { app, switched, tested, databaseKeys };
  }

  it('says where the cache’s key is: the keychain where there is one', async () => {
    const { app } = await handlers('gnome_libsecret');
    expect(await app['app:info']({})).toMatchObject({ databaseKey: 'keychain' });
  });

  it('on basic_text says so in app:info and refuses to save before testing anything', async () => {
    const { app, switched, tested, databaseKeys } = await handlers('basic_text');
    expect(await app['app:info']({})).toMatchObject({
      keyStorage: 'unavailable',
      // The cache's key is kept in the settings file, which only this user can read.
      databaseKey: 'owner-only-file',
      demo: true,
      host: 'electron',
    });
    databaseKeys.keyFor(join(dir, 'databases', 'demo.db'));
    expect(settingsText()).toContain('databaseKeys');
    expectOwnerOnly(join(dir, 'settings.json'), 'file');
    await expect(
      app['account:save']({ ...account, apiKey: API_KEY, sessionOnly: false }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: NO_SAFE_STORAGE_MESSAGE,
    });
    expect(tested).toEqual([]);
    expect(switched).toEqual([]);

    const saved = await app['account:save']({ ...account, apiKey: API_KEY, sessionOnly: true });
    expect(saved.ok).toBe(true);
    expect(switched).toEqual([{ account, apiKey: API_KEY }]);
    expect(await app['app:info']({})).toMatchObject({
      keyStorage: 'session-only',
      demo: false,
      account,
    });
  });

  it('keeps nothing and switches nothing when the connection test fails', async () => {
    const { app, switched } = await handlers('gnome_libsecret', false);
    expect(await app['account:save']({ ...account, apiKey: API_KEY, sessionOnly: false })).toEqual({
      ok: false,
      message: 'Envoke rejected the API ID or key',
    });
    expect(switched).toEqual([]);
    // Nothing was written at all.
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('saves the encrypted key, switches, and goes back to demo data on clear', async () => {
    const { app, switched } = await handlers('gnome_libsecret');
    const saved = await app['account:save']({ ...account, apiKey: API_KEY, sessionOnly: false });
    expect(saved).toEqual({
      ok: true,
      message:
        'Connected: Envoke accepted this API ID and key. Lead Triage now syncs with this account.',
    });
    expect(settingsText()).toContain('encryptedKey');
    expect(settingsText()).not.toContain(API_KEY);
    expect(await app['account:clear']({})).toEqual({ ok: true });
    expect(switched).toEqual([{ account, apiKey: API_KEY }, null]);
    expect(settingsText()).not.toContain('acme-sales');
  });
});
