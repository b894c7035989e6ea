/**
 * A plain in-memory model of what the outbox promises, for the model-based property test: what
 * the person sees, which changes are owed to Envoke, which fields are in conflict, and exactly
 * which writes Envoke must receive. It follows the rules of DESIGN.md ("Sync") directly, with
 * none of the core's code: local = Envoke's last known copy + unsent changes in order; unsent
 * edits to a lead coalesce (base = what the person saw first; back to base drops out) unless the
 * lead's newest change may already have reached Envoke; before sending, each field is compared
 * three ways (Envoke now = mine: done; = base: send; else conflict).
 */

export const FIELDS = ['marketing_rating', 'marketing_rating_status'] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Partial<Record<Field, string>>;
export type Envoke = Map<string, Record<Field, string>>;

/** What Envoke gives a lead created without these fields (the simulator follows Envoke). */
const CREATED_DEFAULTS: Record<Field, string> = {
  marketing_rating: '',
  marketing_rating_status: 'Unprocessed',
};

interface Row {
  id: number;
  lead: number;
  kind: 'create' | 'update';
  fields: Values;
  base: Values;
  conflicts: Values;
  state: 'pending' | 'conflict' | 'done' | 'cancelled';
  outcomeUnknown: boolean;
}

interface Lead {
  envokeId: string | null;
  remoteId: string;
  /** Envoke's copy as the laptop last read it. */
  cache: Record<Field, string>;
}

interface Change {
  lead: number;
  before: Values;
  after: Values;
}

export interface ExpectedWrite {
  method: 'POST' | 'PATCH';
  leadId: string;
  body?: Values;
}

function entries(values: Values): [Field, string][] {
  return Object.entries(values) as [Field, string][];
}

export class OutboxModel {
  readonly leads = new Map<number, Lead>();
  readonly writes: ExpectedWrite[] = [];
  offline = false;
  dropArmed = false;
  private rows: Row[] = [];
  private history: { id: number; changes: Change[]; undone: boolean }[] = [];
  private nextRow = 1;
  private nextAction = 1;

  addPulledLead(key: number, envokeId: string, values: Record<Field, string>): void {
    this.leads.set(key, { envokeId, remoteId: '', cache: { ...values } });
  }

  open(lead: number): Row[] {
    return this.rows.filter(
      (row) => row.lead === lead && row.state !== 'done' && row.state !== 'cancelled',
    );
  }

  openCount(): number {
    return this.rows.filter((row) => row.state !== 'done' && row.state !== 'cancelled').length;
  }

  local(key: number): Record<Field, string> {
    const lead = this.leads.get(key)!;
    const seen = { ...lead.cache };
    for (const row of this.open(key)) Object.assign(seen, row.fields);
    return seen;
  }

  conflicts(key: number): { lead: number; field: Field }[] {
    return this.open(key).flatMap((row) =>
      (Object.keys(row.conflicts) as Field[]).map((field) => ({ lead: key, field })),
    );
  }

  allConflicts(): { lead: number; field: Field }[] {
    return [...this.leads.keys()].flatMap((key) => this.conflicts(key));
  }

  // --- the person ---------------------------------------------------------------------------------

  update(keys: number[], values: Values): void {
    const changes: Change[] = [];
    for (const key of new Set(keys)) {
      const change = this.edit(key, values);
      if (Object.keys(change.after).length > 0) changes.push(change);
    }
    if (changes.length === 0) return;
    this.history = this.history.filter((action) => !action.undone);
    this.history.push({ id: this.nextAction++, changes, undone: false });
  }

  undo(): void {
    const action = [...this.history].reverse().find((candidate) => !candidate.undone);
    if (action === undefined) return;
    for (const change of action.changes) this.replay(change.lead, change.after, change.before);
    action.undone = true;
  }

  redo(): void {
    const action = this.history.find((candidate) => candidate.undone);
    if (action === undefined) return;
    for (const change of action.changes) this.replay(change.lead, change.before, change.after);
    action.undone = false;
  }

  create(key: number, remoteId: string, values: Values): void {
    const blank = { marketing_rating: '', marketing_rating_status: '' };
    this.leads.set(key, { envokeId: null, remoteId, cache: blank });
    const fields = Object.fromEntries(
      entries(values).filter(([, value]) => value !== ''),
    ) as Values;
    this.rows.push(this.row(key, 'create', fields, {}));
  }

  resolve(key: number, field: Field, choice: 'mine' | 'theirs'): void {
    const rows = this.open(key).filter((row) => field in row.conflicts);
    const keeper = choice === 'mine' ? rows[rows.length - 1] : undefined;
    for (const row of rows) {
      delete row.conflicts[field];
      if (row === keeper) {
        row.base[field] = this.leads.get(key)!.cache[field];
      } else {
        delete row.fields[field];
        delete row.base[field];
      }
      this.settle(row);
    }
  }

  // --- Envoke ---------------------------------------------------------------------------------------

  /** A full pull: Envoke's copy of every lead; leads created here found by their remote_id. */
  pull(envoke: Envoke, byRemoteId: Map<string, string>): void {
    if (this.offline) return;
    for (const lead of this.leads.values()) {
      if (lead.envokeId === null) lead.envokeId = byRemoteId.get(lead.remoteId) ?? null;
      if (lead.envokeId !== null) lead.cache = { ...envoke.get(lead.envokeId)! };
    }
  }

  /**
   * Sends the outbox against `envoke` (changed in place as Envoke would be). `nextId` is the id
   * Envoke gives the next lead created. Stops at the first lost answer, or offline at the first
   * row that needs Envoke, as the core does.
   */
  push(envoke: Envoke, byRemoteId: Map<string, string>, nextId: () => string): void {
    for (;;) {
      const row = this.rows.find((candidate) => this.ready(candidate));
      if (row === undefined) return;
      const lead = this.leads.get(row.lead)!;
      // Offline, the first row that needs Envoke ends the push. A create whose lead a pull has
      // already found in Envoke needs nothing from it: it is done even then.
      if (this.offline && (row.kind === 'update' || lead.envokeId === null)) return;
      if (row.kind === 'create') {
        if (lead.envokeId === null) {
          const found = byRemoteId.get(lead.remoteId);
          if (found !== undefined) {
            lead.envokeId = found;
          } else {
            const id = nextId();
            envoke.set(id, { ...CREATED_DEFAULTS, ...row.fields } as Record<Field, string>);
            byRemoteId.set(lead.remoteId, id);
            this.writes.push({ method: 'POST', leadId: id });
            if (this.loseAnswer(row)) return;
            lead.envokeId = id;
          }
          lead.cache = { ...envoke.get(lead.envokeId)! };
        }
        row.state = 'done';
        row.outcomeUnknown = false;
        continue;
      }
      const now = envoke.get(lead.envokeId!)!;
      const send: Values = {};
      const settled: Field[] = [];
      const conflicts: Values = {};
      for (const [field, mine] of entries(row.fields)) {
        if (field in row.conflicts) continue;
        const base = row.base[field] ?? '';
        if (now[field] === mine) settled.push(field);
        else if (now[field] === base) send[field] = mine;
        else conflicts[field] = now[field];
      }
      if (Object.keys(send).length > 0) {
        Object.assign(now, send);
        this.writes.push({ method: 'PATCH', leadId: lead.envokeId!, body: { ...send } });
        // Nothing of this attempt is recorded: the row and the cached copy stay as they were.
        if (this.loseAnswer(row)) return;
      }
      lead.cache = { ...now };
      for (const field of [...(Object.keys(send) as Field[]), ...settled]) {
        delete row.fields[field];
        delete row.base[field];
      }
      Object.assign(row.conflicts, conflicts);
      row.outcomeUnknown = false;
      row.state = Object.keys(row.fields).length === 0 ? 'done' : 'conflict';
    }
  }

  // --- rules ----------------------------------------------------------------------------------------

  private ready(row: Row): boolean {
    if (row.state !== 'pending') return false;
    if (row.kind === 'update' && this.leads.get(row.lead)!.envokeId === null) return false;
    return !this.rows.some(
      (earlier) => earlier.lead === row.lead && earlier.id < row.id && earlier.state === 'pending',
    );
  }

  private loseAnswer(row: Row): boolean {
    if (!this.dropArmed) return false;
    this.dropArmed = false;
    row.outcomeUnknown = true;
    return true;
  }

  private row(lead: number, kind: Row['kind'], fields: Values, base: Values): Row {
    return {
      id: this.nextRow++,
      lead,
      kind,
      fields,
      base,
      conflicts: {},
      state: 'pending',
      outcomeUnknown: false,
    };
  }

  private replay(key: number, from: Values, to: Values): void {
    const local = this.local(key);
    const values: Values = {};
    for (const [field, value] of entries(to)) {
      // A status cannot be unset in Envoke, so undo never tries to.
      if (value === '' && field === 'marketing_rating_status') continue;
      if (local[field] === from[field]) values[field] = value;
    }
    this.edit(key, values);
  }

  private edit(key: number, values: Values): Change {
    const local = this.local(key);
    const before: Values = {};
    const after: Values = {};
    for (const [field, value] of entries(values)) {
      if (local[field] !== value) {
        before[field] = local[field];
        after[field] = value;
      }
    }
    if (Object.keys(after).length === 0) return { lead: key, before, after };
    const open = this.open(key);
    const newest = open[open.length - 1];
    if (newest === undefined || newest.outcomeUnknown) {
      this.rows.push(this.row(key, 'update', { ...after }, { ...before }));
      return { lead: key, before, after };
    }
    for (const [field, value] of entries(after)) {
      if (newest.kind === 'create') {
        if (value === '') delete newest.fields[field];
        else newest.fields[field] = value;
        continue;
      }
      if (field in newest.conflicts) {
        delete newest.conflicts[field];
        newest.base[field] = this.leads.get(key)!.cache[field];
      } else if (!(field in newest.fields)) {
        newest.base[field] = local[field];
      }
      if (value === newest.base[field]) {
        delete newest.fields[field];
        delete newest.base[field];
      } else {
        newest.fields[field] = value;
      }
    }
    this.settle(newest);
    return { lead: key, before, after };
  }

  private settle(row: Row): void {
    const count = Object.keys(row.fields).length;
    const conflicts = Object.keys(row.conflicts).length;
    if (row.kind === 'update' && count === 0) row.state = 'cancelled';
    else if (conflicts > 0 && conflicts === count) row.state = 'conflict';
    else row.state = 'pending';
  }
}
