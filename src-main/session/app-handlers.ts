/**
 * The app commands (`app:info`, `settings:*`, `account:*`): the same behaviour in the desktop app
 * and the browser host; only where preferences and the API key are kept differs.
 */
import { CommandError, type AppHandlers, type DatabaseKeyStorageSchema } from '#contract';
import type { z } from 'zod';
import type { ConnectionTester } from './connection-test';
import type { Session } from './session';
import type { CredentialStore } from '../shell-kit/credentials';
import type { PreferencesStore } from '../shell-kit/preferences';

export interface AppHandlerDeps {
  version: string;
  host: 'electron' | 'browser';
  preferences: PreferencesStore;
  credentials: CredentialStore;
  /** Where this host keeps the cache's key (see DatabaseKeyStorageSchema). */
  databaseKeyStorage(): z.infer<typeof DatabaseKeyStorageSchema>;
  session: Session;
  testConnection: ConnectionTester;
  /** The desktop app's "Restart to update" (see app/auto-update.ts); absent in the browser host. */
  restartToUpdate?: () => Promise<boolean>;
  /** The desktop app's save dialog and file writer; the browser host downloads instead. */
  saveExport?: AppHandlers['export:save'];
  /** The desktop app's system browser; the browser host opens links in a tab of its own. */
  openExternal?: (url: string) => Promise<void>;
}

export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const { preferences, credentials, session } = deps;
  return {
    async 'app:info'() {
      const { account } = await session.current();
      return {
        version: deps.version,
        demo: account === null,
        account,
        keyStorage: credentials.keyStorage(),
        databaseKey: deps.databaseKeyStorage(),
        host: deps.host,
      };
    },
    'settings:get': async () => preferences.get(),
    'settings:set': async (patch) => preferences.update(patch),
    'account:test': async ({ apiKey, ...account }) => deps.testConnection({ account, apiKey }),
    async 'account:save'({ apiKey, sessionOnly, ...account }) {
      // Said before the connection test: no answer from Envoke would change it.
      const refusal = credentials.refusal({ sessionOnly });
      if (refusal !== null) throw new CommandError('invalid-input', refusal);
      const saved = { account, apiKey };
      const test = await deps.testConnection(saved);
      if (!test.ok) return test;
      credentials.save(saved, { sessionOnly });
      await session.switchTo(saved);
      return { ok: true, message: `${test.message}. Lead Triage now syncs with this account.` };
    },
    async 'account:clear'() {
      credentials.clear();
      await session.switchTo(null);
      return { ok: true };
    },
    async 'app:restart-to-update'() {
      if (!deps.restartToUpdate) {
        throw new CommandError('invalid-input', 'Updates are installed by the desktop app.');
      }
      return { restarting: await deps.restartToUpdate() };
    },
    async 'app:open-external'({ url }) {
      if (!deps.openExternal)
        throw new CommandError('invalid-input', 'In the browser a link opens in a new tab.');
      await deps.openExternal(url);
      return { ok: true };
    },
    async 'export:save'(input) {
      if (!deps.saveExport)
        throw new CommandError(
          'invalid-input',
          'In the browser an export is a download: use the Export buttons.',
        );
      return deps.saveExport(input);
    },
  };
}
