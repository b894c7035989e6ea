/**
 * Small named JSON values that outlive the process: the sync scope, the resume point of a full
 * pull, the highest Envoke id seen, when the last sync succeeded.
 */
import type Database from 'better-sqlite3';
import { SyncScopeSchema, type SyncScope } from '#contract/dto';
import type { CustomFieldDefinition } from '#contract/envoke-account';

/** Where an interrupted full pull picks up again. */
export interface PullResume {
  generation: number;
  /** The `skip` of the first page not yet written. */
  nextSkip: number;
  /** The scope the pull started with; a different scope starts over. */
  scopeKey: string;
}

interface Values {
  scope: SyncScope;
  pullResume: PullResume | null;
  /** The generation of the last full pull that finished (or is under way). */
  pullGeneration: number;
  maxEnvokeId: number;
  lastSyncAt: number | null;
  lastFullPullAt: number | null;
  /** Envoke refused `filter[id][$gt]` once; quick pulls are full pulls from then on. */
  idGtUnsupported: boolean;
  /** The account's name (`GET /v1/settings`); null until read, or when Envoke does not say. */
  accountName: string | null;
  /** The account's custom field definitions, read once per full pull. */
  customFields: CustomFieldDefinition[];
  /** When both were last asked for; null: never yet. */
  accountReadAt: number | null;
}

const DEFAULTS: Values = {
  scope: SyncScopeSchema.parse({}),
  pullResume: null,
  pullGeneration: 0,
  maxEnvokeId: 0,
  lastSyncAt: null,
  lastFullPullAt: null,
  idGtUnsupported: false,
  accountName: null,
  customFields: [],
  accountReadAt: null,
};

export class SyncStateTable {
  private readonly read: Database.Statement<[string], { value: string }>;
  private readonly write: Database.Statement;

  constructor(db: Database.Database) {
    this.read = db.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get<K extends keyof Values>(key: K): Values[K] {
    const row = this.read.get(key);
    return row === undefined ? DEFAULTS[key] : (JSON.parse(row.value) as Values[K]);
  }

  set<K extends keyof Values>(key: K, value: Values[K]): void {
    this.write.run(key, JSON.stringify(value));
  }
}
