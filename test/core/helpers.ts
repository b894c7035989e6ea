/**
 * Shared pieces of the core's tests: real SQLite files in a temporary folder, the Envoke
 * simulator over HTTP on 127.0.0.1, and a clock the test moves by hand.
 */
import Database from 'better-sqlite3';
import { coreHandlers, parseCommandInput } from '#channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Core } from '../../src-main/core/api';
import { createCore } from '../../src-main/core/create-core';
import { keyConnection } from '../../src-main/core/db/encryption';
import { createEnvokeClient, type EnvokeClient } from '../../src-main/core/envoke';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src-main/sim';
import { ftsQuery } from '../../src-main/core/reads/search-query';
import { VIEW_CONDITIONS } from '../../src-main/core/reads/view-filters';
import type { ViewId } from '#contract/dto';

export const API_ID = 'triage';
export const API_KEY = 'secret';
/** Every test database is encrypted, as the app's are; one key lets a test reopen its files. */
export const TEST_DB_KEY = Buffer.alloc(32, 0x5c);

/** A second connection to a core's database file, keyed as the core keys its own. */
export function openKeyed(
  path: string,
  options: Database.Options = {},
  key: Buffer = TEST_DB_KEY,
): Database.Database {
  const db = new Database(path, options);
  keyConnection(db, key);
  return db;
}

/** A fresh folder for database files, removed by `cleanup`. */
export function tempDir(): { dir: string; db(name?: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-core-'));
  return {
    dir,
    db: (name = 'leads.db') => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function startSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({
    port: 0,
    leads: 200,
    seed: 11,
    apiId: API_ID,
    apiKey: API_KEY,
    ...options,
  });
}

export interface RequestLog {
  /** Every request the client made: method and URL path with query. */
  requests: { method: string; url: string }[];
}

/** A real client for the simulator; every request it makes is logged. */
export function clientFor(
  sim: { url: string },
  options: { timeoutMs?: number; apiKey?: string } = {},
): EnvokeClient & RequestLog {
  const requests: RequestLog['requests'] = [];
  const client = createEnvokeClient({
    baseUrl: sim.url,
    apiId: API_ID,
    apiKey: options.apiKey ?? API_KEY,
    timeoutMs: options.timeoutMs ?? 3000,
    fetch: (input, init) => {
      const url = new URL(String(input));
      requests.push({
        method: init?.method ?? 'GET',
        url: decodeURIComponent(url.pathname + url.search),
      });
      return fetch(input, init);
    },
  });
  return Object.assign(client, { requests });
}

/** Time that moves only when the test says so; timers fire in order as it passes them. */
export class FakeClock implements Clock {
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;

  constructor(private time = Date.UTC(2026, 10, 2, 9, 0, 0)) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** The moment the earliest timer fires, or null. */
  nextTimer(): number | null {
    return this.timers.reduce<number | null>(
      (min, timer) => (min === null || timer.at < min ? timer.at : min),
      null,
    );
  }

  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = target;
  }
}

export function openCore(
  dbPath: string,
  envoke: EnvokeClient,
  options: { clock?: Clock; random?: () => number } = {},
): Core {
  return behindGate(
    createCore({
      dbPath,
      envoke,
      clock: options.clock,
      random: options.random ?? (() => 0.5),
      dbKey: TEST_DB_KEY,
    }),
  );
}

/**
 * The core as every caller reaches it: each command's input parsed by the command gate first
 * (the core itself trusts what it is given), so a test's bad input is refused as a person's is.
 */
export function behindGate(core: Core): Core {
  const gated = coreHandlers((name, input) =>
    (core[name] as (input: unknown) => Promise<unknown>)(parseCommandInput(name, input)),
  );
  return { ...core, ...gated };
}

/** A client for a port nothing listens on: every request fails as "offline". */
export function unreachableClient(): EnvokeClient {
  return createEnvokeClient({
    baseUrl: 'http://127.0.0.1:9',
    apiId: API_ID,
    apiKey: API_KEY,
    timeoutMs: 1000,
  });
}

/** The lead ids (Envoke's) the simulator journalled writes for, by method. */
export function journalled(sim: RunningSimulator, method: 'POST' | 'PATCH'): string[] {
  return sim.journal.filter((entry) => entry.method === method).map((entry) => entry.leadId);
}

/**
 * What the words index finds for `text` in `view`, newest first, read straight on `db` with the
 * plain FTS5 query: search as it was before it was planned, for tests to compare with.
 */
export function wordsIndexFinds(db: Database.Database, text: string, view: ViewId): number[] {
  const match = ftsQuery(text);
  if (match === null) return [];
  return db
    .prepare(
      `SELECT s.rowid FROM lead_search s CROSS JOIN leads l ON l.id = s.rowid
       WHERE lead_search MATCH ? AND ${VIEW_CONDITIONS[view]} ORDER BY s.rowid DESC`,
    )
    .pluck()
    .all(match) as number[];
}
