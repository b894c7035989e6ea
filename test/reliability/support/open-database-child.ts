/** Child process of the migration crash suite: opens the file given, which runs its migrations. */
import { openDatabase } from '../../../src-main/core/db/open-database';

const path = process.argv[2];
if (path === undefined) throw new Error('Name the database file to open');
process.stdout.write('migrating\n');
openDatabase(path, { key: Buffer.from(process.env.LEAD_TRIAGE_DB_KEY ?? '', 'hex') }).close();
process.stdout.write('migrated\n');
