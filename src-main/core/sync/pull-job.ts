/**
 * A pull as one sync job: the leads (a full pull or the new ones), then the account's details
 * when they are due: after the leads, so a pull's own requests come first and a failure there
 * costs none of them.
 */
import { accountInfoDue, refreshAccountInfo } from './account-info';
import { fullPull, quickPull, type PullDeps, type PullReport } from './pull';

export async function pullJob(deps: PullDeps, kind: 'full' | 'new'): Promise<PullReport> {
  const result = kind === 'full' ? await fullPull(deps) : await quickPull(deps);
  const { store, envoke, logger, clock } = deps;
  if (accountInfoDue(store, result.full))
    await refreshAccountInfo({ store, envoke, logger, now: clock.now() });
  return result;
}
