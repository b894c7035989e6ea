/**
 * `npm start` and the Electron end-to-end test start the desktop app through one function: the
 * Electron binary with better-sqlite3 built for Electron's ABI named in the environment, or one
 * sentence saying why the app cannot start that way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunch, SQLITE_BINDING_ENV } from '../../scripts/electron-launch.mjs';

const binary = { ok: true as const, path: '/opt/electron/electron' };
const built = () => ({ ok: true as const, path: '/repo/.electron-native/better_sqlite3.node' });

describe('electronLaunch', () => {
  it('starts Electron with its own SQLite build and without ELECTRON_RUN_AS_NODE', () => {
    const launch = electronLaunch(binary, {
      env: { HOME: '/home/sam', ELECTRON_RUN_AS_NODE: '1' },
      prepareSqlite: built,
    });
    expect(launch).toEqual({
      ok: true,
      path: '/opt/electron/electron',
      env: {
        HOME: '/home/sam',
        [SQLITE_BINDING_ENV]: '/repo/.electron-native/better_sqlite3.node',
      },
    });
    // The name the app reads (src-main/app/development-overrides.ts).
    expect(SQLITE_BINDING_ENV).toBe('LEAD_TRIAGE_SQLITE_BINDING');
  });

  it('says why when there is no binary, without preparing SQLite', () => {
    let prepared = false;
    const launch = electronLaunch(
      {
        ok: false,
        checked: '/repo/node_modules/electron/path.txt',
        reason: 'the binary was never downloaded',
      },
      {
        prepareSqlite: () => {
          prepared = true;
          return built();
        },
      },
    );
    expect(launch).toEqual({
      ok: false,
      reason:
        'No Electron binary on this machine (/repo/node_modules/electron/path.txt: the binary was never downloaded)',
    });
    expect(prepared).toBe(false);
  });

  it('says why when SQLite cannot be built for Electron', () => {
    const launch = electronLaunch(binary, {
      prepareSqlite: () => ({ ok: false, reason: 'gyp ERR! no Electron headers' }),
    });
    expect(launch).toEqual({
      ok: false,
      reason: 'SQLite could not be prepared for Electron (gyp ERR! no Electron headers)',
    });
  });

  it('is how both npm start and the Electron end-to-end test start the app', () => {
    const root = join(import.meta.dirname, '../..');
    for (const file of ['scripts/start.mjs', 'test/e2e/electron.spec.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(
        /import \{ electronLaunch \} from '[./]+(scripts\/)?electron-launch\.mjs'/,
      );
      expect(text, file).toMatch(/electronLaunch\(/);
    }
  });
});
