/**
 * The Envoke simulator as a library: an Envoke-compatible Lead API on 127.0.0.1 with seeded
 * leads, switches for every unknown in envoke-lead-api.md §12, fault injection and a journal of
 * applied writes. The app's demo mode and every integration test run against it.
 */
import { FaultController } from './faults';
import { Journal, type JournalEntry } from './journal';
import { type SimulatorOptions, resolveOptions } from './options';
import { type SimStats } from './routes-control';
import { startServer } from './server';
import { SimLeadStore } from './store';
import { mixSeed } from './prng';
import { createTimeFormatter } from './time';

export { SimConfigError, SimNotFoundError, SimValidationError } from './errors';
export {
  FAULT_KINDS,
  type FaultKind,
  type FaultMatch,
  type FaultSpec,
  type SteadyFaults,
} from './faults';
export { type JournalEntry } from './journal';
export { type SimLead, type WireContact } from './lead-model';
export { MAX_LEADS, NOT_FOUND_SHAPES, type NotFoundShape, type SimulatorOptions } from './options';
export { type SimStats } from './routes-control';
export { ENUM_SPELLINGS, type EnumSpelling } from './spelling';
export { type Clock } from './time';
export { FaultController, SimLeadStore };

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Closes the server and every socket, hanging ones included. */
  stop(): Promise<void>;
  /** The account's leads; `edit` and `insert` act like a person in Envoke's UI (not journalled). */
  store: SimLeadStore;
  /** Every write applied through the API, in order. */
  journal: readonly JournalEntry[];
  faults: FaultController;
  stats(): SimStats;
}

export async function startSimulator(options?: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const store = new SimLeadStore({
    seed: resolved.seed,
    leads: resolved.leads,
    clock: resolved.now,
    formatTime: createTimeFormatter(resolved.timeZone),
  });
  const journal = new Journal(resolved.now);
  const faults = new FaultController(mixSeed(resolved.seed, 0xfa17), {
    latencyMs: resolved.latencyMs,
    failRate: resolved.failRate,
  });
  const server = await startServer({ options: resolved, store, journal, faults });
  return { ...server, store, journal: journal.entries, faults };
}
