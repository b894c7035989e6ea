/**
 * The person's recent actions for undo and redo. An action is a set of field changes on one or
 * many leads; undone actions stay (flagged) until a new action makes redo meaningless.
 */
import type Database from 'better-sqlite3';
import type { FieldValues } from './lead-record';

export interface LeadChange {
  leadId: number;
  before: FieldValues;
  after: FieldValues;
}

export interface HistoryEntry {
  id: number;
  label: string;
  changes: LeadChange[];
  undone: boolean;
  /** When the action was made (epoch ms). */
  createdAt: number;
}

/** Enough to undo a morning's work; older actions are forgotten. */
const KEEP = 200;

interface RawEntry {
  id: number;
  label: string;
  changes: string;
  undone: number;
  created_at: number;
}

function parse(raw: RawEntry): HistoryEntry {
  return {
    id: raw.id,
    label: raw.label,
    changes: JSON.parse(raw.changes) as LeadChange[],
    undone: raw.undone === 1,
    createdAt: raw.created_at,
  };
}

export class HistoryTable {
  private readonly insertRow: Database.Statement;
  private readonly dropRedo: Database.Statement;
  private readonly trim: Database.Statement;
  private readonly lastDone: Database.Statement<[], RawEntry>;
  private readonly lastUndone: Database.Statement<[], RawEntry>;
  private readonly setUndone: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare(
      'INSERT INTO history (label, changes, created_at) VALUES (?, ?, ?)',
    );
    this.dropRedo = db.prepare('DELETE FROM history WHERE undone = 1');
    this.trim = db.prepare(
      `DELETE FROM history WHERE id <= (SELECT max(id) - ${KEEP} FROM history)`,
    );
    this.lastDone = db.prepare('SELECT * FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1');
    // The most recently undone action is redone first; undo marks them in falling id order, so
    // the lowest undone id is the last one undone.
    this.lastUndone = db.prepare('SELECT * FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1');
    this.setUndone = db.prepare('UPDATE history SET undone = ? WHERE id = ?');
  }

  /** Records a new action; anything that could have been redone is forgotten. */
  record(label: string, changes: LeadChange[], now: number): number {
    this.dropRedo.run();
    const id = Number(this.insertRow.run(label, JSON.stringify(changes), now).lastInsertRowid);
    this.trim.run();
    return id;
  }

  nextUndo(): HistoryEntry | undefined {
    const raw = this.lastDone.get();
    return raw === undefined ? undefined : parse(raw);
  }

  nextRedo(): HistoryEntry | undefined {
    const raw = this.lastUndone.get();
    return raw === undefined ? undefined : parse(raw);
  }

  markUndone(id: number, undone: boolean): void {
    this.setUndone.run(undone ? 1 : 0, id);
  }
}
