/**
 * Every schema step, in order. Append only: a shipped step is never edited or removed, because
 * files out in the world have already run it.
 */
import { migration0010 } from './0010-leads';
import { migration0020 } from './0020-search-activity';
import { migration0030 } from './0030-unseen-index';
import { migration0040 } from './0040-activity-delivery';
import { migration0050 } from './0050-rating-indexes';
import { migration0060 } from './0060-view-counts';
import { migration0061 } from './0061-search-prefixes';
import { migration0070 } from './0070-saved-views';
import { migration0080 } from './0080-sort-indexes';
import { migration0090 } from './0090-counted-inserts';
import { migration0091 } from './0091-search-without-positions';
import { migration0092 } from './0092-pipeline-days';
import { migration0093 } from './0093-covering-duplicate-indexes';
import { migration0094 } from './0094-folded-text';
import { migration0095 } from './0095-search-said-and-custom';
import { migration0096 } from './0096-sales-new-after-passing';
import { migration0097 } from './0097-outbox-claims-command-log';
import { migration0098 } from './0098-contact-search';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0061,
  migration0070,
  migration0080,
  migration0090,
  migration0091,
  migration0092,
  migration0093,
  migration0094,
  migration0095,
  migration0096,
  migration0097,
  migration0098,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
