/**
 * Every write the simulator applied through the API, in order. Tests read it to prove that a
 * change reached Envoke exactly once, even when the response to it was lost.
 */
import { type Clock } from './time';

export interface JournalEntry {
  readonly seq: number;
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly leadId: string;
  /** The lead's `remote_id` after the write: the key a client uses to recognise its creates. */
  readonly remoteId: string;
  readonly body: unknown;
  /** ISO 8601 instant of the write, from the simulator's clock. */
  readonly at: string;
}

export class Journal {
  readonly entries: JournalEntry[] = [];

  constructor(private readonly clock: Clock) {}

  record(entry: Omit<JournalEntry, 'seq' | 'at'>): JournalEntry {
    const recorded: JournalEntry = Object.freeze({
      seq: this.entries.length + 1,
      ...entry,
      body: structuredClone(entry.body),
      at: this.clock().toISOString(),
    });
    this.entries.push(recorded);
    return recorded;
  }

  /** Entries after sequence number `seq`. */
  since(seq: number): JournalEntry[] {
    return this.entries.slice(Math.max(0, seq));
  }
}
