/**
 * One activity entry per change, carrying its delivery to Envoke (queued, sent, failed,
 * conflict, unsent) and updated in place, instead of a second "Sent to Envoke" entry. Entries
 * written before this step keep their text; those of changes still waiting are linked to their
 * outbox row, so they too show when they reach Envoke.
 */
import type { Migration } from './migration';

export const migration0040: Migration = {
  version: 40,
  name: 'delivery state on activity entries',
  up(db) {
    db.exec(`
      ALTER TABLE activity ADD COLUMN outbox_id INTEGER;
      -- The field the entry changed; NULL for an entry about the whole change (a new lead).
      ALTER TABLE activity ADD COLUMN field TEXT;
      ALTER TABLE activity ADD COLUMN delivery TEXT
        CHECK (delivery IN ('queued', 'sent', 'failed', 'conflict', 'unsent'));
      -- Why it failed, Envoke's value in a conflict, or Envoke's id of a lead created here.
      ALTER TABLE activity ADD COLUMN delivery_note TEXT;

      -- The entries whose delivery may still change; ActivityTable repeats the condition.
      CREATE INDEX activity_undelivered ON activity (lead_id)
        WHERE delivery IN ('queued', 'failed', 'conflict');

      -- Changes made before this step and not sent yet: the newest open row of the lead that
      -- existed when the entry was written holds them.
      UPDATE activity
      SET outbox_id = (
            SELECT max(o.id) FROM outbox o
            WHERE o.lead_id = activity.lead_id AND o.state NOT IN ('done', 'cancelled')
              AND o.created_at <= activity.at),
          delivery = 'queued'
      WHERE kind IN ('edit', 'undo', 'redo', 'created')
        AND EXISTS (
            SELECT 1 FROM outbox o
            WHERE o.lead_id = activity.lead_id AND o.state NOT IN ('done', 'cancelled')
              AND o.created_at <= activity.at);
    `);
  },
};
