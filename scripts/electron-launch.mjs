// How the desktop app starts from a checkout, decided in one place for `npm start` and the
// Electron end-to-end test: the Electron binary, with better-sqlite3 built for Electron's ABI
// named in LEAD_TRIAGE_SQLITE_BINDING (the module in node_modules is built for Node, which
// Electron cannot load: the core would fail to open and no window would show).
import { ensureElectronSqlite } from './electron-native.mjs';

export const SQLITE_BINDING_ENV = 'LEAD_TRIAGE_SQLITE_BINDING';

/**
 * @param {import('./electron-binary.mjs').ElectronBinary} electron the binary found (or not)
 * @param {{ env?: Record<string, string | undefined>, prepareSqlite?: typeof ensureElectronSqlite }} [options]
 * @returns {{ ok: true, path: string, env: Record<string, string | undefined> } | { ok: false, reason: string }}
 */
export function electronLaunch(electron, options = {}) {
  const { env = process.env, prepareSqlite = ensureElectronSqlite } = options;
  if (!electron.ok) {
    return {
      ok: false,
      reason: `No Electron binary on this machine (${electron.checked}: ${electron.reason})`,
    };
  }
  const sqlite = prepareSqlite();
  if (!sqlite.ok) {
    return { ok: false, reason: `SQLite could not be prepared for Electron (${sqlite.reason})` };
  }
  const launchEnv = { ...env, [SQLITE_BINDING_ENV]: sqlite.path };
  // Set in a shell, it would make the binary a plain Node instead of the app.
  delete launchEnv.ELECTRON_RUN_AS_NODE;
  return { ok: true, path: electron.path, env: launchEnv };
}
