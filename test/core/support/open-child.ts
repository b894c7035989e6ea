/**
 * Opens a database file as the core does (key from LEAD_TRIAGE_DB_KEY), without any session
 * lock, as an older Lead Triage beside this one would; prints one line: "opened N" (the unsent
 * changes it holds) or what it was told. Used by concurrent-opens.test.ts.
 */
import { CommandError } from '#contract/errors';
import { openDatabase } from '../../../src-main/core/db/open-database';
import { countUnsent } from '../../../src-main/core/db/unsent-note';

const [path] = process.argv.slice(2);
if (!path) throw new Error('open-child.ts DB');
try {
  const db = openDatabase(path, { key: Buffer.from(process.env.LEAD_TRIAGE_DB_KEY ?? '', 'hex') });
  process.stdout.write(`opened ${countUnsent(db)}\n`);
  db.close();
} catch (error) {
  process.stdout.write(`${error instanceof CommandError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
