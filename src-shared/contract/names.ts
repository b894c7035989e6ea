/**
 * The command and event names alone, without their schemas, for the preload: it only checks
 * names, and leaving zod out keeps the sandboxed preload small. The compiler keeps these lists
 * equal to the contract's maps.
 */
import type { CommandName } from './commands';
import type { EventName } from './events';

export const BRIDGE_COMMAND_NAMES = [
  'leads:list',
  'leads:ids',
  'leads:id-page',
  'leads:membership',
  'leads:position',
  'leads:search-elsewhere',
  'leads:rows',
  'leads:counts',
  'leads:rating-values',
  'leads:get',
  'leads:update',
  'leads:create',
  'history:undo',
  'history:next',
  'history:redo',
  'outbox:list',
  'outbox:retry',
  'outbox:discard',
  'outbox:edit',
  'conflicts:resolve',
  'sync:run-now',
  'sync:status',
  'sync:scope-get',
  'sync:scope-set',
  'envoke:account',
  'query:ids',
  'query:id-page',
  'query:count',
  'query:values',
  'views:list',
  'views:save',
  'views:rename',
  'views:move',
  'views:delete',
  'views:counts',
  'pipeline:get',
  'duplicates:pairs',
  'duplicates:among',
  'duplicates:dismiss',
  'app:info',
  'settings:get',
  'settings:set',
  'account:test',
  'account:save',
  'account:clear',
  'app:open-external',
  'app:restart-to-update',
  'export:save',
] as const satisfies readonly CommandName[];

export const BRIDGE_EVENT_NAMES = [
  'sync:status',
  'leads:changed',
  'app:menu',
  'app:update',
  'app:notice',
] as const satisfies readonly EventName[];

type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
/** A compile error here names a command or event added to the contract but not to the lists. */
export const namesAreComplete: [
  Unlisted<CommandName, (typeof BRIDGE_COMMAND_NAMES)[number]>,
  Unlisted<EventName, (typeof BRIDGE_EVENT_NAMES)[number]>,
] = [true, true];
