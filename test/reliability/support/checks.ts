/**
 * What every reliability suite checks at its end: the local file is sound, and each change the
 * person made reached Envoke exactly once according to the simulator's journal of applied writes.
 */
import { openKeyed } from '../../core/helpers';
import type { RunningSimulator } from '../../../src-main/sim';

/** PRAGMA integrity_check's answer ("ok" when sound) and the outbox rows not finished. */
export function fileHealth(dbPath: string): {
  integrity: string;
  open: { state: string; lastError: string | null }[];
} {
  const db = openKeyed(dbPath, { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const open = db
      .prepare(
        "SELECT state, last_error AS lastError FROM outbox WHERE state NOT IN ('done', 'cancelled') ORDER BY id",
      )
      .all() as { state: string; lastError: string | null }[];
    return { integrity, open };
  } finally {
    db.close();
  }
}

/** A note written on a lead: `value` is unique in the run, so the journal shows every copy of it. */
export interface EditMade {
  envokeId: string;
  field: string;
  value: string;
}

/** A lead created here: its email is unique in the run. */
export interface CreateMade {
  email: string;
}

export interface Delivery {
  changes: number;
  lost: number;
  duplicated: number;
  /** One line per change that did not arrive exactly once, for the failure message. */
  problems: string[];
}

/** Counts each change's copies in the simulator's journal and in its leads. */
export function deliveries(
  sim: RunningSimulator,
  edits: readonly EditMade[],
  creates: readonly CreateMade[],
): Delivery {
  const result: Delivery = {
    changes: edits.length + creates.length,
    lost: 0,
    duplicated: 0,
    problems: [],
  };
  const count = (copies: number, what: string) => {
    if (copies === 1) return;
    if (copies === 0) result.lost += 1;
    else result.duplicated += 1;
    result.problems.push(`${what} arrived ${copies} times`);
  };
  const patches = new Map<string, number>();
  const posts = new Map<string, number>();
  for (const entry of sim.journal) {
    const body = entry.body as Record<string, unknown>;
    if (entry.method === 'PATCH') {
      for (const [field, value] of Object.entries(body)) {
        const key = `${entry.leadId} ${field} ${String(value)}`;
        patches.set(key, (patches.get(key) ?? 0) + 1);
      }
    } else {
      const email = String((body.contact as Record<string, unknown> | undefined)?.email ?? '');
      posts.set(email, (posts.get(email) ?? 0) + 1);
    }
  }
  for (const edit of edits) {
    count(
      patches.get(`${edit.envokeId} ${edit.field} ${edit.value}`) ?? 0,
      `${edit.field} of lead ${edit.envokeId}`,
    );
    const now = sim.store.get(edit.envokeId) as unknown as Record<string, unknown>;
    if (now[edit.field] !== edit.value)
      result.problems.push(`lead ${edit.envokeId} has not kept ${edit.field}`);
  }
  const leadsByEmail = new Map<string, number>();
  for (const lead of sim.store.all()) {
    const email = String((lead.contact as unknown as Record<string, unknown>).email ?? '');
    leadsByEmail.set(email, (leadsByEmail.get(email) ?? 0) + 1);
  }
  for (const create of creates) {
    count(posts.get(create.email) ?? 0, `the create of ${create.email}`);
    const leads = leadsByEmail.get(create.email) ?? 0;
    if (leads !== 1) result.problems.push(`Envoke holds ${leads} leads for ${create.email}`);
  }
  return result;
}

/**
 * What would make the cache corrupt, beyond SQLite's own check: a stored copy that is not a lead
 * object, a copy under another lead's Envoke id, list columns that disagree with what the person
 * sees, outbox rows that cannot be read. Empty when sound.
 */
export function cacheProblems(dbPath: string): string[] {
  const problems: string[] = [];
  const db = openKeyed(dbPath, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const leads = db
      .prepare('SELECT id, envoke_id, server_json, local_json, email, sync_state FROM leads')
      .all() as {
      id: number;
      envoke_id: string | null;
      server_json: string | null;
      local_json: string | null;
      email: string;
      sync_state: string;
    }[];
    for (const row of leads) {
      try {
        const server =
          row.server_json === null
            ? null
            : (JSON.parse(row.server_json) as Record<string, unknown>);
        const local =
          row.local_json === null ? null : (JSON.parse(row.local_json) as Record<string, unknown>);
        const seen = local ?? server;
        if (seen === null || typeof seen !== 'object' || Array.isArray(seen))
          problems.push(`lead ${row.id} has no readable copy`);
        else if (server !== null && server.id !== row.envoke_id)
          problems.push(`lead ${row.id} holds Envoke's copy of lead ${String(server.id)}`);
        else {
          const contact = seen.contact as Record<string, unknown> | undefined;
          const raw = contact?.email;
          const email =
            typeof raw === 'string'
              ? raw
              : typeof raw === 'number' || typeof raw === 'boolean'
                ? String(raw)
                : '';
          if (email !== row.email)
            problems.push(`lead ${row.id} lists ${row.email} but holds ${email}`);
        }
      } catch (error) {
        problems.push(`lead ${row.id} is not JSON: ${String(error)}`);
      }
    }
    const outbox = db.prepare('SELECT id, lead_id, fields, base, conflicts FROM outbox').all() as {
      id: number;
      lead_id: number;
      fields: string;
      base: string;
      conflicts: string;
    }[];
    const ids = new Set(leads.map((lead) => lead.id));
    for (const row of outbox) {
      if (!ids.has(row.lead_id)) problems.push(`outbox row ${row.id} belongs to no lead`);
      try {
        JSON.parse(row.fields);
        JSON.parse(row.base);
        JSON.parse(row.conflicts);
      } catch {
        problems.push(`outbox row ${row.id} is not JSON`);
      }
    }
  } finally {
    db.close();
  }
  return problems;
}
