/**
 * The kept counts (kept-counts.ts) of the leads a transaction inserts: added up in memory as they
 * are inserted and written once, before the transaction commits, since a trigger per inserted
 * row was half the time of a pull's page. Updates and deletes are counted by trigger from the
 * row as it was, so a lead inserted in the open transaction is counted before it changes.
 */
import type Database from 'better-sqlite3';
import type { LeadSyncState } from '#contract/dto';
import { field, type LeadRecord } from './lead-record';
import { INSERTED_STEPS_SQL } from './kept-counts';
import { viewsOf } from './view-membership';

export class InsertedCounts {
  private readonly addToCount: Database.Statement<[number, string]>;
  private readonly addSteps: Database.Statement<[{ ids: string }]>;
  /** Leads inserted in the open transaction, per view, not yet in view_counts. */
  private readonly uncounted = new Map<string, number>();
  /** Leads inserted in the open transaction, not yet counted in either. */
  private readonly uncountedIds = new Set<number>();

  constructor(private readonly db: Database.Database) {
    this.addToCount = db.prepare('UPDATE view_counts SET count = count + ? WHERE view = ?');
    this.addSteps = db.prepare(INSERTED_STEPS_SQL);
  }

  /** A lead was inserted, seen as `seen` with `syncState`. */
  inserted(id: number, seen: LeadRecord, syncState: LeadSyncState): void {
    this.uncountedIds.add(id);
    const views = viewsOf({
      marketing_rating_status: field(seen, 'marketing_rating_status'),
      sales_rating_status: field(seen, 'sales_rating_status'),
      opportunity: field(seen, 'opportunity'),
      sale: field(seen, 'sale'),
      sync_state: syncState,
    });
    for (const view of views) this.uncounted.set(view, (this.uncounted.get(view) ?? 0) + 1);
    // An insert outside any transaction commits at once: so does its count.
    if (!this.db.inTransaction) this.settle();
  }

  /**
   * Writes the inserted leads' views into view_counts and their pipeline steps into
   * pipeline_days, in the open transaction, so the counts commit (or roll back) with the leads
   * they count.
   */
  settle(): void {
    if (this.uncountedIds.size === 0) return;
    for (const [view, count] of this.uncounted) this.addToCount.run(count, view);
    this.addSteps.run({ ids: JSON.stringify([...this.uncountedIds]) });
    this.forget();
  }

  /**
   * The lead is about to be updated or deleted: the triggers adjust the counts from the row as
   * it was, so a lead inserted in this transaction is counted first, for them to find it counted.
   */
  beforeChanging(id: number): void {
    if (this.uncountedIds.has(id)) this.settle();
  }

  /** The transaction that inserted them rolled back: so did the leads. */
  forget(): void {
    this.uncounted.clear();
    this.uncountedIds.clear();
  }
}
