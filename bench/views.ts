/**
 * `npm run bench:views`: saved views and the pipeline at scale. Fills a cache with BENCH_LEADS
 * synthetic leads straight through SQL (the lifecycle fields a pull would store, no search text),
 * then times, many times each, what the sidebar and the pipeline panel ask: a saved view's capped
 * count, its first window of rows in the view's order (its first page of ids by keyset, as the
 * list reads it), and the pipeline of a quarter. Prints p50 and p99; asserts nothing (these
 * machines are noisy).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import { BENCH_DB_KEY, openBenchDatabase } from './bench-key';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WINDOW = 100;

const STATUSES = ['Unprocessed', 'Passed to sales', 'Deferred', 'Not applicable', 'Lead updated'];
const SALES = ['', 'Unprocessed', 'Rated good', 'Rated bad', 'Contact attempted'];
const RATINGS = ['', 'Hot', 'Warm', 'Cold'];
const PEOPLE = ['', 'Jane Roe', 'Sam Lee', 'Ana Ortiz', 'Li Wei'];

function time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function fill(path: string): void {
  // Opening through the core once migrates the file.
  const core = createCore({
    dbPath: path,
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: 'http://127.0.0.1:9', apiId: 'b', apiKey: 'b' }),
  });
  void core.close();
  const db = openBenchDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert =
    db.prepare(`INSERT INTO leads (envoke_id, server_json, sort_key, contact_name, company, email,
    marketing_rating_status, marketing_rating, sales_rating_status, sales_rating, opportunity, sale, salesperson, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  db.transaction(() => {
    for (let i = 1; i <= LEADS; i++) {
      const created = start + Math.floor((span * i) / LEADS);
      const status = STATUSES[i % 5]!;
      const sales = status === 'Passed to sales' ? SALES[(i >> 3) % 5]! : '';
      const opportunity = sales === 'Rated good' && i % 3 === 0 ? 'Yes' : 'None';
      const sale = opportunity === 'Yes' && i % 2 === 0 ? 'Yes' : 'None';
      const record = {
        id: String(i),
        create_time: time(created),
        marketing_rating_status: status,
        marketing_rating_time: status === 'Unprocessed' ? '' : time(created + 3_600_000),
        sales_rating_time: sales ? time(created + 86_400_000) : '',
        opportunity_time: opportunity === 'Yes' ? time(created + 5 * 86_400_000) : '',
        sale_time: sale === 'Yes' ? time(created + 20 * 86_400_000) : '',
        contact: {
          first_name: `First${i % 5000}`,
          last_name: `Last${i % 777}`,
          company: `Company ${i % 20000}`,
          email: `p${i}@x.example`,
        },
      };
      insert.run(
        String(i),
        JSON.stringify(record),
        record.create_time,
        `First${i % 5000} Last${i % 777}`,
        record.contact.company,
        record.contact.email,
        status,
        RATINGS[i % 4]!,
        sales,
        sales ? RATINGS[(i >> 2) % 4]! : '',
        opportunity,
        sale,
        sales ? PEOPLE[i % 5]! : '',
      );
    }
  })();
  db.close();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  console.log(
    `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(1).padStart(8)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(8)} ms`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-views-'));
try {
  const path = join(dir, 'bench.db');
  const filling = performance.now();
  fill(path);
  console.log(
    `${LEADS.toLocaleString('en-US')} leads written in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
  );
  const core = createCore({
    dbPath: path,
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: 'http://127.0.0.1:9', apiId: 'b', apiKey: 'b' }),
  });
  try {
    const views = [
      ['status:passed rating:hot', '-created'],
      ['status:passed rating:hot', 'company'],
      ['sales-status:good salesperson:"Jane Roe" created:>2026-01-01', '-created'],
      ['has:salesperson -sale:yes', 'rating'],
    ] as const;
    for (const [query, sort] of views)
      await core['views:save']({ name: `${query} ${sort}`.slice(0, 60), query, sort });
    await timed('sidebar: every saved view’s capped count (views:counts)', () =>
      core['views:counts']({}),
    );
    for (const [query, sort] of views)
      await timed(`window: ${query} sort:${sort}`, async () => {
        const { ids } = await core['query:id-page']({ query, sort, limit: 250 });
        await core['leads:rows']({ ids: ids.slice(0, WINDOW) });
      });
    await timed('pipeline: a quarter, everyone (5 steps, 13 weeks)', () =>
      core['pipeline:get']({ from: '2026-07-01', to: '2026-09-30' }),
    );
    await timed('pipeline: a quarter, one salesperson', () =>
      core['pipeline:get']({ from: '2026-07-01', to: '2026-09-30', salesperson: 'Jane Roe' }),
    );
    await timed('possible duplicates: capped count (is:duplicate)', () =>
      core['query:count']({ query: 'is:duplicate' }),
    );
  } finally {
    await core.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
