/**
 * The schema of the first release, whole, created in an empty database: the lead cache with its
 * projection columns and the indexes every list, sort and count reads; the outbox of changes
 * waiting for Envoke; the undo history, activity log and sync bookkeeping; the full-text indexes
 * of search and facets; the folded copies of text; the counts kept by trigger; saved views and
 * dismissed duplicate pairs; claims on the outbox and the log of applied commands.
 *
 * Numbered 97 because the pre-release builds' steps ran up to there: a file they made has a
 * version below it and is not upgraded (open-database.ts says so and offers to start over).
 * This step is shipped, so it never changes (test/core/baseline-schema.test.ts holds it to the
 * schema it creates, word for word); a change of schema is a new step after it. Where code must
 * repeat a schema expression word for word (a sort's index, a view's counts, the folded columns),
 * the expression lives with that code and is imported here, written once.
 */
import { COUNTED_VIEWS, KEPT_COUNT_TRIGGERS } from '../../tables/kept-counts';
import { FOLDED_COLUMNS } from '../../tables/folded-text-table';
import { SORT_EXPRESSIONS } from '../../reads/sort-sql';
import type { Migration } from './migration';

/** A field of what the person sees (their copy, else Envoke's), as text, '' when missing. */
const seen = (path: string) =>
  `CAST(coalesce(json_extract(coalesce(local_json, server_json), '${path}'), '') AS TEXT)`;

const LEADS = `
  -- One row per lead this laptop knows. id is the local id the UI uses: it exists before Envoke
  -- assigns envoke_id (a lead created offline). server_json is Envoke's copy exactly as last read
  -- (unknown fields kept, so nothing is lost in a round trip); local_json is what the person sees:
  -- Envoke's copy with every unsent change applied, NULL when that is Envoke's copy unchanged
  -- (most leads: storing it twice would double every pull's writes). The plain columns are
  -- projections of what the person sees, for views, sorting and counting.
  CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    envoke_id TEXT UNIQUE,
    remote_id TEXT NOT NULL DEFAULT '',
    server_json TEXT,
    local_json TEXT,
    sort_key TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    marketing_rating_status TEXT NOT NULL DEFAULT '',
    marketing_rating TEXT NOT NULL DEFAULT '',
    sales_rating_status TEXT NOT NULL DEFAULT '',
    sales_rating TEXT NOT NULL DEFAULT '',
    opportunity TEXT NOT NULL DEFAULT '',
    sale TEXT NOT NULL DEFAULT '',
    salesperson TEXT NOT NULL DEFAULT '',
    sync_state TEXT NOT NULL DEFAULT 'synced'
      CHECK (sync_state IN ('synced', 'pending', 'failed', 'conflict')),
    -- Set when a full pull no longer finds the lead and Envoke confirms it is missing.
    gone INTEGER NOT NULL DEFAULT 0,
    -- The full pull that last saw this lead; leads a finished pull did not see are checked.
    pull_generation INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    -- Lifecycle times and marketing source for the query language and the pipeline. VIRTUAL:
    -- computed on read and in the indexes below, never stored twice.
    marketing_time TEXT GENERATED ALWAYS AS (${seen('$.marketing_rating_time')}) VIRTUAL,
    sales_time TEXT GENERATED ALWAYS AS (${seen('$.sales_rating_time')}) VIRTUAL,
    opportunity_time TEXT GENERATED ALWAYS AS (${seen('$.opportunity_time')}) VIRTUAL,
    sale_time TEXT GENERATED ALWAYS AS (${seen('$.sale_time')}) VIRTUAL,
    marketing_source TEXT GENERATED ALWAYS AS (${seen('$.marketing_source')}) VIRTUAL,
    marketing_medium TEXT GENERATED ALWAYS AS (${seen('$.marketing_medium')}) VIRTUAL,
    marketing_campaign TEXT GENERATED ALWAYS AS (${seen('$.marketing_campaign')}) VIRTUAL,
    CHECK (server_json IS NOT NULL OR local_json IS NOT NULL)
  ) STRICT;

  -- Views list newest first by (sort_key, id). One partial index per view keeps every list and
  -- count an index scan, and costs nothing for leads outside the view. Queries repeat each
  -- condition word for word (reads/view-filters.ts): SQLite uses a partial index only then.
  CREATE INDEX leads_by_time ON leads (sort_key, id);
  CREATE INDEX leads_view_marketing_unprocessed ON leads (sort_key, id)
    WHERE marketing_rating_status IN ('Unprocessed', '');
  CREATE INDEX leads_view_passed_to_sales ON leads (sort_key, id)
    WHERE marketing_rating_status = 'Passed to sales';
  CREATE INDEX leads_view_sales_new ON leads (sort_key, id)
    WHERE (sales_rating_status = 'Unprocessed' OR (marketing_rating_status = 'Passed to sales' AND sales_rating_status IN ('Not applicable', '')));
  CREATE INDEX leads_view_opportunities ON leads (sort_key, id) WHERE opportunity = 'Yes';
  CREATE INDEX leads_view_won ON leads (sort_key, id) WHERE sale = 'Yes';
  CREATE INDEX leads_view_unsynced ON leads (sync_state, sort_key, id) WHERE sync_state <> 'synced';
  CREATE INDEX leads_unsent_by_remote_id ON leads (remote_id) WHERE envoke_id IS NULL;

  -- Which cached leads a full pull did not see, read from the index alone when it ends.
  CREATE INDEX leads_unseen ON leads (pull_generation) WHERE envoke_id IS NOT NULL AND gone = 0;

  -- The rating values an account uses, counted from these small indexes (reads/rating-values.ts).
  CREATE INDEX leads_marketing_ratings ON leads (marketing_rating) WHERE marketing_rating <> '';
  CREATE INDEX leads_sales_ratings ON leads (sales_rating) WHERE sales_rating <> '';

  -- The pipeline counts each step by the time it was reached: one index per step.
  CREATE INDEX leads_passed_by_time ON leads (marketing_time)
    WHERE marketing_rating_status = 'Passed to sales';
  CREATE INDEX leads_rated_good_by_time ON leads (sales_time)
    WHERE sales_rating_status = 'Rated good';
  CREATE INDEX leads_opportunity_by_time ON leads (opportunity_time) WHERE opportunity = 'Yes';
  CREATE INDEX leads_sale_by_time ON leads (sale_time) WHERE sale = 'Yes';

  -- Salespeople on this laptop, most leads first (pipeline and completion), from the index alone.
  CREATE INDEX leads_by_salesperson ON leads (salesperson) WHERE salesperson <> '';

  -- Possible duplicates: the same email in any case, or the same name at the same company. The
  -- indexes hold what the duplicate queries test, so they never read a lead's row.
  CREATE INDEX leads_by_email_nocase ON leads (email COLLATE NOCASE) WHERE email <> '';
  CREATE INDEX leads_by_name_company ON leads (contact_name COLLATE NOCASE, company COLLATE NOCASE)
    WHERE contact_name <> '' AND company <> '';

  -- One index per sort a saved view offers, each ending with id like the sort itself: a page is
  -- read in order and stops at its LIMIT ("created" reads leads_by_time).
  CREATE INDEX leads_by_company_nocase ON leads (${SORT_EXPRESSIONS.company}, id);
  CREATE INDEX leads_by_contact_nocase ON leads (${SORT_EXPRESSIONS.contact}, id);
  CREATE INDEX leads_by_rating_order ON leads ((${SORT_EXPRESSIONS.rating}), id);
  CREATE INDEX leads_by_marketing_time ON leads (${SORT_EXPRESSIONS['status-time']}, id);
  CREATE INDEX leads_by_sales_time ON leads (${SORT_EXPRESSIONS['sales-time']}, id);
`;

const OUTBOX_AND_HISTORY = `
  -- Changes waiting for Envoke, one row per lead and burst of edits (edits coalesce into the
  -- lead's unsent row). fields = the person's values, base = what the person saw before the
  -- first of them; the three-way check before sending compares both with Envoke's value.
  -- Rows are never deleted: done and cancelled rows stay as the record of what was sent.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads (id),
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update')),
    fields TEXT NOT NULL,
    base TEXT NOT NULL DEFAULT '{}',
    conflicts TEXT NOT NULL DEFAULT '[]',
    conflict_count INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL
      CHECK (state IN ('pending', 'sending', 'failed', 'conflict', 'done', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- A send may have reached Envoke without an answer: never merge new edits into this row,
    -- and look a create up by remote_id before trying again.
    outcome_unknown INTEGER NOT NULL DEFAULT 0,
    last_reason TEXT,
    last_error TEXT,
    action_id INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- The sync engine (process and instance) that marked the row 'sending': another engine
    -- leaves it alone while its claimer lives, instead of sending the change a second time.
    claimed_by TEXT
  ) STRICT;
  CREATE INDEX outbox_open_by_lead ON outbox (lead_id, id) WHERE state NOT IN ('done', 'cancelled');
  CREATE INDEX outbox_open_by_state ON outbox (state, next_attempt_at) WHERE state NOT IN ('done', 'cancelled');

  -- The person's actions, newest last, for undo and redo. changes = [{leadId, before, after}].
  CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    changes TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  ) STRICT;

  -- Small JSON values: the scope, the pull's resume point, the last successful sync.
  CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- One entry per change, carrying its delivery to Envoke, updated in place as it goes.
  CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    outbox_id INTEGER,
    -- The field the entry changed; NULL for an entry about the whole change (a new lead).
    field TEXT,
    delivery TEXT CHECK (delivery IN ('queued', 'sent', 'failed', 'conflict', 'unsent')),
    -- Why it failed, Envoke's value in a conflict, or Envoke's id of a lead created here.
    delivery_note TEXT
  ) STRICT;
  CREATE INDEX activity_by_lead ON activity (lead_id, id);
  -- The entries whose delivery may still change; ActivityTable repeats the condition.
  CREATE INDEX activity_undelivered ON activity (lead_id)
    WHERE delivery IN ('queued', 'failed', 'conflict');

  -- The answer of every command that changed something, kept a short while under the id its
  -- caller gave, written with the change: a core restarted with a command in flight answers
  -- whether (and what) it saved, rather than a guess.
  CREATE TABLE command_log (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    answer TEXT NOT NULL,
    at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX command_log_by_time ON command_log (at);
`;

/** Written by the store from one description of a lead's text (tables/lead-record.ts, facets.ts). */
const TEXT_INDEXES = `
  -- Contentless: the text lives in the leads' JSON. rowid = leads.id. Every search term is a
  -- prefix: the one and two letter prefix indexes let a short one read one list and stop at the
  -- page; no positions (detail = none), since a search only asks which leads hold a word.
  CREATE VIRTUAL TABLE lead_search USING fts5 (
    name, company, email, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2',
    detail = none
  );

  -- The facets without a column of their own (said:, custom.<key>:, interest:, unit:,
  -- consent:), each word tagged with its facet, and each lead's words beside it to check one
  -- lead without the index.
  CREATE VIRTUAL TABLE lead_facets USING fts5 (
    tokens,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none
  );
  CREATE TABLE lead_facet_text (
    id INTEGER PRIMARY KEY,
    tokens TEXT NOT NULL
  ) STRICT;

  -- Folded copies of the text a field term reads, a row per lead whose text needs one.
  CREATE TABLE lead_folded_text (
    id INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
    ${FOLDED_COLUMNS.map((column) => `${column} TEXT`).join(',\n    ')}
  ) STRICT;
`;

const COUNTS_AND_VIEWS = `
  CREATE TABLE view_counts (
    view TEXT PRIMARY KEY,
    count INTEGER NOT NULL CHECK (count >= 0)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO view_counts (view, count) VALUES ${COUNTED_VIEWS.map((view) => `('${view}', 0)`).join(', ')};

  CREATE TABLE pipeline_days (
    step TEXT NOT NULL,
    day TEXT NOT NULL,
    salesperson TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (step, day, salesperson)
  ) STRICT, WITHOUT ROWID;

  ${KEPT_COUNT_TRIGGERS}

  -- Views the person saved. The database file is the account's own, so these are per account.
  CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    sort TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  -- Pairs the person said are not duplicates; low_id < high_id. Kept here only, never sent.
  CREATE TABLE duplicate_dismissals (
    low_id INTEGER NOT NULL,
    high_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
  ) STRICT, WITHOUT ROWID;
`;

export const migration0097: Migration = {
  version: 97,
  name: 'the schema of the first release',
  up(db) {
    db.exec(LEADS);
    db.exec(OUTBOX_AND_HISTORY);
    db.exec(TEXT_INDEXES);
    db.exec(COUNTS_AND_VIEWS);
  },
};
