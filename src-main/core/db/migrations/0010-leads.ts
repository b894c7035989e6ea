/**
 * The base tables: the lead cache, the outbox of changes waiting for Envoke, the undo history and
 * the sync bookkeeping.
 */
import type { Migration } from './migration';

export const migration0010: Migration = {
  version: 10,
  name: 'leads, outbox, history, sync state',
  up(db) {
    db.exec(`
      -- One row per lead this laptop knows. id is the local id the UI uses: it exists before Envoke
      -- assigns envoke_id (a lead created offline). server_json is Envoke's copy exactly as last
      -- read (unknown fields kept, so nothing is lost in a round trip); local_json is what the
      -- person sees: Envoke's copy with every unsent change applied, NULL when that is Envoke's
      -- copy unchanged (most leads: storing it twice would double every pull's writes). The
      -- plain columns are projections of what the person sees, for views, sorting and counting.
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
        CHECK (server_json IS NOT NULL OR local_json IS NOT NULL)
      ) STRICT;

      -- Views list newest first by (sort_key, id). One partial index per view keeps every list
      -- and count an index scan, and costs nothing for leads outside the view.
      CREATE INDEX leads_by_time ON leads (sort_key, id);
      CREATE INDEX leads_view_marketing_unprocessed ON leads (sort_key, id)
        WHERE marketing_rating_status IN ('Unprocessed', '');
      CREATE INDEX leads_view_passed_to_sales ON leads (sort_key, id)
        WHERE marketing_rating_status = 'Passed to sales';
      CREATE INDEX leads_view_sales_unprocessed ON leads (sort_key, id)
        WHERE sales_rating_status = 'Unprocessed';
      CREATE INDEX leads_view_opportunities ON leads (sort_key, id) WHERE opportunity = 'Yes';
      CREATE INDEX leads_view_won ON leads (sort_key, id) WHERE sale = 'Yes';
      CREATE INDEX leads_view_unsynced ON leads (sync_state, sort_key, id) WHERE sync_state <> 'synced';
      CREATE INDEX leads_unsent_by_remote_id ON leads (remote_id) WHERE envoke_id IS NULL;

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
        updated_at INTEGER NOT NULL
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
    `);
  },
};
