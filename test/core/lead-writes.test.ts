/**
 * A triage change writes only the lead's columns whose value changes: SQLite rewrites the entry
 * of every index over a column an UPDATE names, changed or not, so naming them all would rewrite
 * a dozen index pages per keystroke. Observed on a real file with a trigger per column.
 */
import { afterEach, expect, it } from 'vitest';
import type { EnvokeLead } from '../../src-main/core/envoke';
import { openDatabase } from '../../src-main/core/db/open-database';
import { Store } from '../../src-main/core/tables/store';
import { tempDir } from './helpers';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((done) => done());
  cleanup = [];
});

const LEAD = {
  id: '501',
  remote_id: '',
  create_time: '2026-10-01 10:00:00',
  marketing_rating_status: 'Unprocessed',
  marketing_rating: '',
  salesperson: 'Sam Lee',
  contact: { first_name: 'Jane', last_name: 'Roe', company: 'Acme', email: 'jane@acme.example' },
} as unknown as EnvokeLead;

it('names in its UPDATE only the columns a change moves, and sync_state only when it moves', () => {
  const dir = tempDir();
  cleanup.push(() => dir.cleanup());
  const db = openDatabase(dir.db());
  cleanup.push(() => db.close());
  const store = new Store(db);
  const id = store.transaction(() =>
    store.leads.insertFromEnvoke('501', JSON.stringify(LEAD), LEAD, 1, 0),
  );
  const columns = ['company', 'contact_name', 'email', 'sort_key', 'salesperson'];
  const watched = [...columns, 'marketing_rating', 'sync_state'];
  db.exec('CREATE TEMP TABLE written (name TEXT)');
  for (const name of watched)
    db.exec(`CREATE TEMP TRIGGER wrote_${name} AFTER UPDATE OF ${name} ON leads
             BEGIN INSERT INTO written VALUES ('${name}'); END`);
  const written = () => db.prepare('SELECT name FROM written').pluck().all();

  const edit = (marketing_rating: string, syncState: 'pending' | 'synced') =>
    store.transaction(() => {
      const row = store.leads.get(id)!;
      const before = JSON.parse(row.local_json ?? row.server_json!) as EnvokeLead;
      const after = { ...before, marketing_rating };
      store.leads.writeLocal(id, after, JSON.stringify(after), syncState, 1, before, row);
    });
  edit('Hot', 'pending');
  expect(written()).toEqual(['marketing_rating', 'sync_state']);
  db.exec('DELETE FROM written');
  edit('Warm', 'pending');
  expect(written()).toEqual(['marketing_rating']);
  expect(store.leads.get(id)).toMatchObject({ marketing_rating: 'Warm', sync_state: 'pending' });
});
