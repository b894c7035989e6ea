/**
 * Environment variables that only a developer's or a test's checkout may use: another profile
 * folder (LEAD_TRIAGE_USER_DATA, for throwaway end-to-end profiles) and another SQLite native
 * module (LEAD_TRIAGE_SQLITE_BINDING, set by `npm start`, which would load any native module
 * named). An installed app ignores both and says so in its log: anyone able to set a variable
 * before it starts must not be able to point it at other data or other code.
 */
import type { Logger } from '../core';

export const USER_DATA_ENV = 'LEAD_TRIAGE_USER_DATA';
export const SQLITE_BINDING_ENV = 'LEAD_TRIAGE_SQLITE_BINDING';

export interface AppLike {
  readonly isPackaged: boolean;
  setPath(name: 'userData', path: string): void;
}

export interface DevelopmentOverrides {
  /** better-sqlite3's Electron build to load instead of the packaged one (development only). */
  sqliteBinding: string | undefined;
}

export function applyDevelopmentOverrides(
  app: AppLike,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): DevelopmentOverrides {
  const userData = env[USER_DATA_ENV];
  const sqliteBinding = env[SQLITE_BINDING_ENV];
  if (app.isPackaged) {
    const ignored = [userData && USER_DATA_ENV, sqliteBinding && SQLITE_BINDING_ENV].filter(
      Boolean,
    );
    if (ignored.length > 0) {
      logger.warn('Development settings are ignored by the installed app', { ignored });
    }
    return { sqliteBinding: undefined };
  }
  if (userData) app.setPath('userData', userData);
  return { sqliteBinding: sqliteBinding || undefined };
}
