/**
 * The database and its tables in one place, plus the rule that ties them together: what the
 * person sees of a lead is Envoke's copy with every open outbox row applied in order.
 */
import type Database from 'better-sqlite3';
import type { LeadSyncState } from '#contract/dto';
import { CommandError } from '#contract/errors';
import { TRIAGE_FIELDS } from '#contract/lead';
import { ActivityTable } from './activity-table';
import { newClaimant, type Claimant } from './claims';
import { HistoryTable } from './history-table';
import { withValues, type LeadRecord } from './lead-record';
import { localRecord, serverRecord, type LeadRow } from './lead-row';
import { LeadTable } from './lead-table';
import { OutboxTable, type OutboxRow } from './outbox-table';
import { SyncStateTable } from './sync-state-table';

export function syncStateOf(open: readonly OutboxRow[]): LeadSyncState {
  if (open.some((row) => row.conflicts.length > 0)) return 'conflict';
  if (open.some((row) => row.state === 'failed')) return 'failed';
  return open.length > 0 ? 'pending' : 'synced';
}

/** Envoke's copy of a lead, or for a lead Envoke does not have yet, its contact and ids alone. */
export function serverBase(row: LeadRow): LeadRecord {
  const server = serverRecord(row);
  if (server !== null) return server;
  const blank = Object.fromEntries(TRIAGE_FIELDS.map((name) => [name, '']));
  return withValues(localRecord(row), blank);
}

export function applyRows(base: LeadRecord, open: readonly OutboxRow[]): LeadRecord {
  return open.reduce((record, row) => withValues(record, row.fields), base);
}

export class Store {
  readonly leads: LeadTable;
  readonly outbox: OutboxTable;
  readonly history: HistoryTable;
  readonly activity: ActivityTable;
  readonly syncState: SyncStateTable;
  /** This store's sync engine, as the outbox rows it sends name it (see claims.ts). */
  readonly claimant: Claimant = newClaimant();

  /**
   * `written` hears of every committed transaction, with `bulk` for pull pages: the checkpointer
   * copies the log into the database file after them.
   */
  constructor(
    readonly db: Database.Database,
    private readonly written: (bulk: boolean) => void = () => undefined,
  ) {
    this.leads = new LeadTable(db);
    this.outbox = new OutboxTable(db);
    this.history = new HistoryTable(db);
    this.activity = new ActivityTable(db);
    this.syncState = new SyncStateTable(db);
  }

  /**
   * Runs `work` in one transaction (nested calls join the outer one), durable on disk when it
   * returns (synchronous=FULL): every action of the person and every outbox change goes this way.
   */
  transaction<T>(work: () => T): T {
    const result = this.counted(work);
    this.written(false);
    return result;
  }

  /**
   * A transaction for a page of Envoke's leads: atomic like any other, but not synced to disk on
   * commit (synchronous=NORMAL). A power cut can lose the last pages and their resume point
   * together, never one without the other, and a pull fetches them again. Skipping the fsync
   * per page halves a full pull's time and keeps long fsyncs off the event loop. The next
   * durable transaction (any person's action) syncs the WAL, earlier pages included.
   */
  pageTransaction<T>(work: () => T): T {
    return this.unsyncedTransaction(work, true);
  }

  /**
   * A transaction recording Envoke's answer to a change being sent: atomic, but not synced to
   * disk on commit (synchronous=NORMAL). It stays safe because a row stays 'sending' until this
   * commits, and a 'sending' row found after a crash is sent again through the idempotent checks
   * (three-way compare, lookup by remote_id), so a lost answer costs a read, never a duplicate.
   * The WAL keeps commits in order and every later durable transaction syncs it, earlier ones
   * included: the next round's 'sending' mark, taken before any change that depends on this
   * answer goes out, makes the answer durable first.
   */
  outcomeTransaction<T>(work: () => T): T {
    return this.unsyncedTransaction(work, false);
  }

  /** Atomic, committed with synchronous=NORMAL; every other transaction stays FULL. */
  private unsyncedTransaction<T>(work: () => T, bulk: boolean): T {
    this.db.pragma('synchronous = NORMAL');
    let result: T;
    try {
      result = this.counted(work);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
    this.written(bulk);
    return result;
  }

  /**
   * Runs `work` in a transaction with the view counts of the leads it inserts written before it
   * commits, inside it (LeadTable.settleCounts). A nested transaction first counts what the outer
   * one inserted so far, in the outer one, so a failing inner one forgets only its own leads,
   * which its savepoint rolls back.
   */
  private counted<T>(work: () => T): T {
    if (this.db.inTransaction) this.leads.settleCounts();
    const transaction = this.db.transaction(() => {
      try {
        const result = work();
        this.leads.settleCounts();
        return result;
      } catch (error) {
        this.leads.forgetUncounted();
        throw error;
      }
    });
    // IMMEDIATE: the write lock is taken before anything is read. A deferred transaction that
    // reads and then writes fails at once ("database is locked", which no busy wait retries)
    // when another connection wrote in between: another engine on the same file, or another
    // process opening it. And what it reads (the rows ready to send) cannot be claimed by
    // another engine before it marks them.
    return transaction.immediate();
  }

  /**
   * Rebuilds what the person sees of one lead from Envoke's copy and its open outbox rows, after
   * any change to either. Callers that already hold the lead's row and its open outbox rows (as
   * they are now) pass them, with what the person saw before, to spare the reads.
   */
  refreshLead(leadId: number, now: number, known?: KnownLead): LeadRecord {
    const row = known?.row ?? this.leads.get(leadId);
    if (row === undefined) throw new CommandError('not-found', `Lead ${leadId} does not exist.`);
    const open = known?.open ?? this.outbox.openForLead(leadId);
    // The lead's activity entries show where each of its changes stands with Envoke.
    this.activity.followOutbox(leadId, open);
    const local = applyRows(known?.server ?? serverBase(row), open);
    const asEnvoke = open.length === 0 && row.server_json !== null;
    this.leads.writeLocal(
      leadId,
      local,
      asEnvoke ? null : JSON.stringify(local),
      syncStateOf(open),
      now,
      known?.previous,
      row,
    );
    return local;
  }
}

/** What a caller of `refreshLead` already read of a lead. */
export interface KnownLead {
  row: LeadRow;
  /** Its open outbox rows as they are now, oldest first. */
  open: readonly OutboxRow[];
  /** serverBase(row), already parsed. */
  server: LeadRecord;
  /** What the person saw before the change, to skip re-indexing unchanged text. */
  previous: LeadRecord;
}
