/** The sync's commands: its status, a sync now, which leads it keeps, and the account it read. */
import { SyncScopeInputSchema, SyncScopeSchema, SyncStatusSchema } from '../dto';
import { EnvokeAccountSchema } from '../envoke-account';
import { none, ok } from './common';

export const syncCommands = {
  'sync:run-now': { input: none, output: ok },
  'sync:status': { input: none, output: SyncStatusSchema },
  'sync:scope-get': { input: none, output: SyncScopeSchema },
  'sync:scope-set': { input: SyncScopeInputSchema, output: ok },
  /** The account's name and custom field definitions, as the last full sync read them. */
  'envoke:account': { input: none, output: EnvokeAccountSchema },
} as const;
