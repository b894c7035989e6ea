/**
 * Benchmark caches of 1k, 100k and 1M leads, written through the store's own pull path
 * (writeServerCopies inside pageTransaction, PAGES_PER_WRITE pages of 100 at a time, exactly as a
 * full pull writes them) from the simulator's seeded leads, without HTTP in between so a million builds in
 * minutes. Built once under .bench/ and reused while the schema stays the same; a finished build
 * leaves a `.json` note beside the file (lead count, the size of the leads' JSON as Envoke sends
 * it, and the schema version it was written with).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_VERSION } from '../src-main/core/db/migrations';
import { openDatabase } from '../src-main/core/db/open-database';
import { BENCH_DB_KEY } from './bench-key';
import { parseLead, type EnvokeLead } from '../src-main/core/envoke/lead-schema';
import { Store } from '../src-main/core/tables/store';
import { PAGES_PER_WRITE } from '../src-main/core/sync/pull';
import { PAGE_SIZE } from '../src-main/core/sync/pull-pages';
import { writeServerCopies } from '../src-main/core/sync/server-copy';
import { SimLeadStore, type SimLead } from '../src-main/sim';
import { spellLead } from '../src-main/sim/spelling';

import { createTimeFormatter } from '../src-main/sim/time';

export const CACHE_DIR = '.bench';
const PAGE = PAGE_SIZE * PAGES_PER_WRITE;

export interface BenchCache {
  leads: number;
  path: string;
  /** Bytes of the leads' JSON as Envoke sends it. */
  jsonBytes: number;
  /** The schema it was written with: a cache of an older schema is written again. */
  schemaVersion?: number;
}

export function cachePath(leads: number): string {
  return join(CACHE_DIR, `cache-${leads}.db`);
}

function notePath(leads: number): string {
  return `${cachePath(leads)}.json`;
}

/** The seeded leads the simulator serves with the same seed and count. */
export function simulatorLeads(leads: number): SimLeadStore {
  return new SimLeadStore({
    seed: 1,
    leads,
    clock: () => new Date(Date.UTC(2026, 9, 1)),
    formatTime: createTimeFormatter('UTC'),
  });
}

/** Full-width letters for ASCII ones: `Redwood Labs` → `Ｒｅｄｗｏｏｄ Ｌａｂｓ`. */
function widened(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * One lead in ten keeps its company full-width, as typed on a Japanese keyboard, so that folded
 * field terms (lead_folded_text) are measured on text that needs folding, not only on ASCII.
 */
function withWideCompany(lead: SimLead, position: number): SimLead {
  if (position % 10 !== 7) return lead;
  return { ...lead, contact: { ...lead.contact, company: widened(lead.contact.company) } };
}

export function existingCache(leads: number): BenchCache | null {
  if (!existsSync(notePath(leads)) || !existsSync(cachePath(leads))) return null;
  const note = JSON.parse(readFileSync(notePath(leads), 'utf8')) as BenchCache;
  // Migrating an older cache in place would leave the pages of what a step dropped (an index
  // rebuilt) in the file: the size and the layout would not be those a pull writes today.
  return note.schemaVersion === LATEST_VERSION ? note : null;
}

export function buildCache(
  leads: number,
  log: (line: string) => void = () => undefined,
): BenchCache {
  const found = existingCache(leads);
  if (found !== null) return found;
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = cachePath(leads);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const source = simulatorLeads(leads);
  const db = openDatabase(path, { key: BENCH_DB_KEY });
  const store = new Store(db);
  let jsonBytes = 0;
  const started = performance.now();
  try {
    store.syncState.set('pullGeneration', 1);
    for (let position = 0; position < leads; position += PAGE) {
      const page: EnvokeLead[] = [];
      for (let p = position; p < Math.min(leads, position + PAGE); p += 1) {
        const wire = withWideCompany(spellLead(source.at(p), 'display'), p);
        const text = JSON.stringify(wire);
        jsonBytes += Buffer.byteLength(text);
        const parsed = parseLead(JSON.parse(text));
        if (parsed.ok) page.push(parsed.lead);
      }
      store.pageTransaction(() => writeServerCopies(store, page, 1, Date.now()));
      if (position % 100_000 === 0 && position > 0)
        log(
          `  ${position.toLocaleString('en')} leads written (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    store.transaction(() => store.syncState.set('lastFullPullAt', Date.now()));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const cache: BenchCache = { leads, path, jsonBytes, schemaVersion: LATEST_VERSION };
  writeFileSync(notePath(leads), JSON.stringify(cache));
  return cache;
}
