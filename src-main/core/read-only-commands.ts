/**
 * The core commands that change nothing: asked again, they answer again, so a caller may simply
 * repeat one whose answer was lost. Every other command changes something and is made once per
 * id (tables/command-log.ts), a command added later included.
 */
import type { CoreCommandName } from '#contract/commands';

export const READ_ONLY_COMMANDS: ReadonlySet<CoreCommandName> = new Set<CoreCommandName>([
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
  'outbox:list',
  'sync:run-now',
  'sync:status',
  'sync:scope-get',
  'query:ids',
  'query:id-page',
  'query:count',
  'query:values',
  'views:list',
  'views:counts',
  'pipeline:get',
  'duplicates:pairs',
  'duplicates:among',
]);

/** What a command answers when asked whether it was saved, and it was not. */
export const NOT_SAVED_SENTENCE =
  "Lead Triage's data engine stopped twice while saving this change, and it was not saved: make it again.";
