/**
 * Benchmark caches are encrypted like the app's own, with one fixed key so a cache built by one
 * run is reused by the next; the raw baselines read the same files through keyed connections, so
 * both sides pay the same decryption.
 */
import Database from 'better-sqlite3';
import { keyConnection } from '../src-main/core/db/encryption';

export const BENCH_DB_KEY = Buffer.alloc(32, 0x42);

export function openBenchDatabase(path: string, options: Database.Options = {}): Database.Database {
  const db = new Database(path, options);
  keyConnection(db, BENCH_DB_KEY);
  return db;
}
