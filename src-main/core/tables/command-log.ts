/**
 * The answers of the commands that changed something, by the id their caller gave them, written
 * in the same transaction as the change (`command_log`). A caller that lost the answer (the
 * core's thread died before it arrived) sends the command again under the same id: a change that
 * was saved answers what it answered then, and is not made twice. Kept a day, which outlasts any
 * restart by far.
 */
import type Database from 'better-sqlite3';

export const COMMAND_LOG_KEEP_MS = 24 * 60 * 60_000;

/** Every this many answers recorded, the old ones go. */
const PRUNE_EVERY = 500;

export class CommandLog {
  private recorded = 0;
  private readonly byId: Database.Statement<[string], { answer: string }>;
  private readonly insert: Database.Statement;
  private readonly before: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT answer FROM command_log WHERE id = ?');
    this.insert = db.prepare('INSERT INTO command_log (id, name, answer, at) VALUES (?, ?, ?, ?)');
    this.before = db.prepare('DELETE FROM command_log WHERE at < ?');
  }

  /** The answer a command with this id gave, if it was saved; undefined otherwise. */
  answer(id: string): unknown {
    const row = this.byId.get(id);
    return row === undefined ? undefined : (JSON.parse(row.answer) as unknown);
  }

  record(id: string, name: string, answer: unknown, now: number): void {
    this.insert.run(id, name, JSON.stringify(answer ?? null), now);
    // An app left open for days keeps its log short too.
    this.recorded += 1;
    if (this.recorded % PRUNE_EVERY === 0) this.forgetOlderThan(now - COMMAND_LOG_KEEP_MS);
  }

  forgetOlderThan(at: number): void {
    this.before.run(at);
  }
}
