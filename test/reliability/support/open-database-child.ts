/**
 * Child process of the crash suite's old caches: opens the file given as the core does, which
 * encrypts an unencrypted one in place and runs any schema step it has not run.
 */
import { openDatabase } from '../../../src-main/core/db/open-database';

const path = process.argv[2];
if (path === undefined) throw new Error('Name the database file to open');
process.stdout.write('opening\n');
openDatabase(path, { key: Buffer.from(process.env.LEAD_TRIAGE_DB_KEY ?? '', 'hex') }).close();
process.stdout.write('opened\n');
