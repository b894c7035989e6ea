/**
 * The floor a sync is compared with: the same pages fetched one after the other in the same
 * order, parsed and inserted with one prepared statement per page transaction, and nothing else
 * (no validation, no outbox checks, no indexes beyond the primary key, no events). Encrypted with
 * the same key as the core's cache, with the same journal and durability settings, so the
 * comparison measures the core, not the cipher.
 */
import { openBenchDatabase } from './bench-key';

export async function rawFetchAndInsert(
  baseUrl: string,
  auth: string,
  dbPath: string,
): Promise<number> {
  const db = openBenchDatabase(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE leads (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT OR REPLACE INTO leads (id, data) VALUES (?, ?)');
  const insertPage = db.transaction((leads: Array<{ id: string }>) => {
    for (const lead of leads) insert.run(String(lead.id), JSON.stringify(lead));
  });
  let total = 0;
  for (let skip = 0; ; skip += 100) {
    const response = await fetch(`${baseUrl}/v1/leads?sort%5Bid%5D=ASC&limit=100&skip=${skip}`, {
      headers: { authorization: auth },
    });
    const page = (await response.json()) as Array<{ id: string }>;
    insertPage(page);
    total += page.length;
    if (page.length < 100) break;
  }
  db.close();
  return total;
}
