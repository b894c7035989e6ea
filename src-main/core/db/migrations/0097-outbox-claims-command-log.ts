/**
 * Two records that let a change be answered for exactly once:
 *
 * - `outbox.claimed_by` names the sync engine (process and engine instance) that marked a row
 *   'sending'. Another engine on the same file leaves a claimed row alone while its claimer
 *   lives, instead of sending the change a second time; a claimer that died (its process is
 *   gone) no longer holds it.
 * - `command_log` keeps, for a short while, the answer of every command that changed something,
 *   under the id its caller gave it, written in the same transaction as the change. When the
 *   core's thread dies with a command in flight, the restarted core is asked by that id and
 *   answers whether (and what) it saved, rather than a guess.
 */
import type { Migration } from './migration';

export const migration0097: Migration = {
  version: 97,
  name: 'outbox claims and the log of applied commands',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      CREATE TABLE command_log (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        answer TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX command_log_by_time ON command_log (at);
    `);
  },
};
