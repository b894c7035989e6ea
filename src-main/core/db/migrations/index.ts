/**
 * Every schema step, in order. Append only: a shipped step is never edited or removed, because
 * files out in the world have already run it. The first is the baseline, the whole schema of the
 * first release; each change since is a step of its own after it, in a file of its own.
 */
import { migration0097 } from './0097-baseline';
import { migration0098 } from './0098-contact-search';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0097,
  // Each step since the first release, after the one before it.
  migration0098,
];

/** The version the baseline creates: a file below it was made by a pre-release build. */
export const BASELINE_VERSION = MIGRATIONS[0]!.version;

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
