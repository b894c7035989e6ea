/**
 * The settings dialog's calls that are not preferences: the Envoke account (test, save, back to
 * demo data) and the sync scope. Saving or removing an account makes the app switch to it.
 */
import type { CommandInput, CommandOutput, SyncScope } from '#contract';
import { invoke } from '../bridge/client';

type AccountInput = CommandInput<'account:test'>;

export function testAccount(account: AccountInput): Promise<CommandOutput<'account:test'>> {
  return invoke('account:test', account);
}

export function saveAccount(
  account: AccountInput,
  sessionOnly: boolean,
): Promise<CommandOutput<'account:save'>> {
  return invoke('account:save', { ...account, sessionOnly });
}

export async function clearAccount(): Promise<void> {
  await invoke('account:clear', {});
}

export function readSyncScope(): Promise<SyncScope> {
  return invoke('sync:scope-get', {});
}

export async function saveSyncScope(scope: SyncScope): Promise<void> {
  await invoke('sync:scope-set', scope);
}
