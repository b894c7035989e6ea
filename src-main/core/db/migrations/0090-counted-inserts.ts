/**
 * Inserted leads are counted per transaction instead of per row. The insert trigger of 0060 ran
 * a nine-view UPDATE for every lead a pull wrote, half the time of a full pull's page. LeadTable
 * now adds each inserted lead's views up in memory and writes the sums into view_counts once,
 * before its transaction commits (Store settles them), so the counts stay exact and atomic with
 * the leads. Updates and deletes keep their triggers: they are one lead at a time.
 */
import type { Migration } from './migration';

export const migration0090: Migration = {
  version: 90,
  name: 'inserted leads counted once per transaction',
  up(db) {
    db.exec('DROP TRIGGER view_counts_on_insert;');
  },
};
