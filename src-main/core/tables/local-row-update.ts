/**
 * The UPDATE of a lead's row when what the person sees changes: `local_json`, its projection
 * columns, `sync_state` and `updated_at`. Given the row as it is stored, it names only the
 * columns whose value changes: SQLite rewrites the entry of every index over a column an UPDATE
 * names, changed or not, and each rewritten index page is one more page encrypted and synced with
 * the person's change. Most triage changes move a status or two, so most UPDATEs are small.
 */
import type Database from 'better-sqlite3';
import type { LeadSyncState } from '#contract/dto';
import type { LeadRow } from './lead-row';
import { PROJECTION_COLUMNS, PROJECTION_SET } from './lead-projection';

export class LocalRowUpdate {
  private readonly fullUpdate: Database.Statement;
  /** UPDATEs naming only the columns that change, by those columns (a handful ever made). */
  private readonly partialUpdates = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.fullUpdate = db.prepare(
      `UPDATE leads SET local_json = ?, ${PROJECTION_SET}, sync_state = ?, updated_at = ? WHERE id = ?`,
    );
  }

  /**
   * Writes the lead's new `localJson` and projection `values` (in the order of
   * PROJECTION_COLUMNS); with `stored`, only the columns that differ from it.
   */
  run(
    id: number,
    localJson: string | null,
    values: readonly string[],
    syncState: LeadSyncState,
    now: number,
    stored?: LeadRow,
  ): void {
    if (stored === undefined) {
      this.fullUpdate.run(localJson, ...values, syncState, now, id);
      return;
    }
    const changed = PROJECTION_COLUMNS.flatMap((column, i) =>
      values[i] === stored[column as keyof LeadRow] ? [] : [i],
    );
    const newState = stored.sync_state !== syncState;
    this.changedColumnsUpdate(changed, newState).run(
      localJson,
      ...changed.map((i) => values[i]),
      ...(newState ? [syncState] : []),
      now,
      id,
    );
  }

  /** An UPDATE of local_json, the given projection columns, sync_state if `withState`, updated_at. */
  private changedColumnsUpdate(changed: readonly number[], withState: boolean): Database.Statement {
    const key = `${changed.join(',')}:${withState}`;
    let statement = this.partialUpdates.get(key);
    if (statement === undefined) {
      const sets = [
        'local_json = ?',
        ...changed.map((i) => `${PROJECTION_COLUMNS[i]} = ?`),
        ...(withState ? ['sync_state = ?'] : []),
        'updated_at = ?',
      ];
      statement = this.db.prepare(`UPDATE leads SET ${sets.join(', ')} WHERE id = ?`);
      this.partialUpdates.set(key, statement);
    }
    return statement;
  }
}
