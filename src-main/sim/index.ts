/**
 * The Envoke simulator as a library: an Envoke-compatible Lead API on 127.0.0.1 with seeded
 * leads, switches for every unknown in envoke-lead-api.md §12, fault injection and a journal of
 * applied writes. The app's demo mode and every integration test run against it.
 */
import { SimCatalog } from './catalog';
import { SimStateError } from './errors';
import { FaultController } from './faults';
import { Journal, type JournalEntry } from './journal';
import { type ResolvedOptions, type SimulatorOptions, resolveOptions } from './options';
import { HookList } from './routes-hooks';
import { SimStateWriter, readSimState, setAside } from './state-file';
import { type SimStats } from './routes-control';
import { startServer } from './server';
import { SimLeadStore } from './lead-store';
import { mixSeed } from './prng';
import { createTimeFormatter } from './time';

export { SimConfigError, SimNotFoundError, SimStateError, SimValidationError } from './errors';
export { type CustomFieldDefinition, type InterestDefinition } from './catalog';
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
  /** Why the state file could not be read back (it was set aside), or null. */
  stateProblem: string | null;
}

export async function startSimulator(options?: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const { store, hooks, stateProblem } = openState(resolved);
  const journal = new Journal(resolved.now);
  const faults = new FaultController(mixSeed(resolved.seed, 0xfa17), {
    latencyMs: resolved.latencyMs,
    failRate: resolved.failRate,
  });
  const path = resolved.stateFile;
  const writer =
    path === null
      ? null
      : new SimStateWriter(path, () => ({
          seed: store.seed,
          leads: store.seededLeads,
          store: store.snapshot(),
          hooks: hooks.all(),
        }));
  const server = await startServer({
    options: resolved,
    store,
    journal,
    faults,
    hooks,
    ...(writer === null ? {} : { onWrite: () => writer.save() }),
  });
  return {
    ...server,
    stop: server.stop,
    store,
    journal: journal.entries,
    faults,
    stateProblem,
  };
}

/**
 * The store, and the hooks, as the state file left them (when there is one): its seed and lead
 * count win, since its writes were made over those leads. An unreadable file is set aside, said
 * in `stateProblem`, and the simulator starts from its seed.
 */
function openState(resolved: ResolvedOptions): {
  store: SimLeadStore;
  hooks: HookList;
  stateProblem: string | null;
} {
  const fresh = (seed: number, leads: number) => ({
    store: new SimLeadStore({
      seed,
      leads,
      clock: resolved.now,
      formatTime: createTimeFormatter(resolved.timeZone),
      catalog: new SimCatalog(resolved.accountName, seed),
    }),
    hooks: new HookList(seed),
  });
  const path = resolved.stateFile;
  if (path === null) return { ...fresh(resolved.seed, resolved.leads), stateProblem: null };
  try {
    const state = readSimState(path);
    if (state === null) return { ...fresh(resolved.seed, resolved.leads), stateProblem: null };
    const opened = fresh(state.seed, state.leads);
    opened.store.restore(state.store);
    opened.hooks.restore(state.hooks);
    return { ...opened, stateProblem: null };
  } catch (error) {
    if (!(error instanceof SimStateError)) throw error;
    const aside = setAside(path, resolved.now().getTime());
    return {
      ...fresh(resolved.seed, resolved.leads),
      stateProblem: `${error.message}; it was moved to ${aside} and the demo's Envoke starts afresh`,
    };
  }
}
