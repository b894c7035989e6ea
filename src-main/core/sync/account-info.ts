/**
 * The account's name and custom field definitions, asked of Envoke once per full pull (and on
 * the first sync of a cache that has never had them) and kept in the cache, so labels show
 * offline too. Neither is worth failing a sync for: an Envoke that does not serve them leaves
 * the name unknown and custom values under their keys, and a failure to reach it keeps what was
 * read before.
 */
import type { Logger } from '../api';
import { describeEnvokeError, type EnvokeClient } from '../envoke';
import type { Store } from '../tables/store';

export interface AccountInfoDeps {
  store: Store;
  envoke: EnvokeClient;
  logger: Logger;
  now: number;
}

export function accountInfoDue(store: Store, fullPull: boolean): boolean {
  return fullPull || store.syncState.get('accountReadAt') === null;
}

/**
 * Reads both at once (two small requests: one round trip on a slow link, not two); never throws.
 */
export async function refreshAccountInfo(deps: AccountInfoDeps): Promise<void> {
  const { store, envoke, logger } = deps;
  try {
    const [name, customFields] = await Promise.all([envoke.accountName(), envoke.customFields()]);
    store.pageTransaction(() => {
      store.syncState.set('accountName', name);
      store.syncState.set('customFields', customFields ?? []);
      store.syncState.set('accountReadAt', deps.now);
    });
  } catch (error) {
    logger.warn('Could not read the account name and custom fields; keeping the last ones', {
      error: describeEnvokeError(error),
    });
  }
}
