/**
 * Fault injection: queued faults for exact scenarios ("the next PATCH loses its response") and
 * steady ones (latency, a failure rate, being offline). The failure rate uses a seeded generator
 * so a run repeats.
 */
import { SimConfigError } from './errors';
import { Prng } from './prng';

export const FAULT_KINDS = [
  '5xx',
  '429',
  'reset',
  'hang',
  'malformed',
  '401',
  '400',
  'drop-after-write',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultMatch {
  method?: string;
  /** A string must equal the path (no query); a RegExp is tested against path and query. */
  path?: RegExp | string;
}

export interface FaultSpec {
  kind: FaultKind;
  match?: FaultMatch;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  /** For '429': seconds, or 'http-date' to send the same delay (1 s) as an HTTP date. */
  retryAfter?: number | 'http-date';
  /** For '5xx': the status to answer; default 503. */
  status?: number;
  /** For '400': Envoke's validation message, as a rule it enforces that the app cannot know. */
  message?: string;
}

export interface SteadyFaults {
  latencyMs?: number;
  /** Share of requests answered 500, from 0 to 1. */
  failRate?: number;
  /** Every request's connection is reset, as when Envoke cannot be reached. */
  offline?: boolean;
}

/** What happens to one request. */
export interface InjectedFault {
  kind: FaultKind;
  status: number;
  retryAfter: number | 'http-date';
  message: string;
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

const WRITE_METHODS = new Set(['POST', 'PATCH']);

export class FaultController {
  private queue: QueuedFault[] = [];
  private steady: Required<SteadyFaults>;
  private readonly rng: Prng;
  private readonly injected = new Map<FaultKind, number>();

  constructor(seed: number, initial: SteadyFaults) {
    this.rng = new Prng(seed);
    this.steady = { latencyMs: 0, failRate: 0, offline: false };
    this.set(initial);
  }

  enqueue(spec: FaultSpec): void {
    validateSpec(spec);
    this.queue.push({ spec: { ...spec }, remaining: spec.times ?? 1 });
  }

  set(steady: SteadyFaults): void {
    const { latencyMs, failRate, offline } = steady;
    if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) {
      throw new SimConfigError(
        'latencyMs',
        `latencyMs must be a number of milliseconds (0 or more), not ${String(latencyMs)}`,
      );
    }
    if (failRate !== undefined && !(failRate >= 0 && failRate <= 1)) {
      throw new SimConfigError(
        'failRate',
        `failRate must be between 0 and 1, not ${String(failRate)}`,
      );
    }
    if (offline !== undefined && typeof offline !== 'boolean') {
      throw new SimConfigError('offline', `offline must be true or false`);
    }
    this.steady = {
      latencyMs: latencyMs ?? this.steady.latencyMs,
      failRate: failRate ?? this.steady.failRate,
      offline: offline ?? this.steady.offline,
    };
  }

  /** Removes queued faults and steady ones alike. */
  clear(): void {
    this.queue = [];
    this.steady = { latencyMs: 0, failRate: 0, offline: false };
  }

  get queued(): number {
    return this.queue.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  get latencyMs(): number {
    return this.steady.latencyMs;
  }

  /** Counts of faults injected so far, by kind. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.injected);
  }

  /** Decides the fault, if any, for the request now arriving; consumes a queued fault. */
  take(method: string, target: string): InjectedFault | undefined {
    const fault = this.choose(method.toUpperCase(), target);
    if (fault !== undefined)
      this.injected.set(fault.kind, (this.injected.get(fault.kind) ?? 0) + 1);
    return fault;
  }

  private choose(method: string, target: string): InjectedFault | undefined {
    if (this.steady.offline) return { kind: 'reset', status: 0, retryAfter: 0, message: '' };
    const pathname = target.split('?')[0] ?? target;
    const index = this.queue.findIndex(({ spec }) => matches(spec, method, pathname, target));
    const queued = this.queue[index];
    if (queued !== undefined) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.queue.splice(index, 1);
      return resolve(queued.spec);
    }
    if (this.steady.failRate > 0 && this.rng.next() < this.steady.failRate) {
      return { kind: '5xx', status: 500, retryAfter: 0, message: '' };
    }
    return undefined;
  }
}

function matches(spec: FaultSpec, method: string, pathname: string, target: string): boolean {
  if (spec.kind === 'drop-after-write' && !WRITE_METHODS.has(method)) return false;
  const match = spec.match;
  if (match?.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (typeof match?.path === 'string' && match.path !== pathname) return false;
  if (match?.path instanceof RegExp) {
    match.path.lastIndex = 0;
    if (!match.path.test(target)) return false;
  }
  return true;
}

function resolve(spec: FaultSpec): InjectedFault {
  const status =
    spec.kind === '5xx'
      ? (spec.status ?? 503)
      : spec.kind === '429'
        ? 429
        : spec.kind === '401'
          ? 401
          : spec.kind === '400'
            ? 400
            : 200;
  return {
    kind: spec.kind,
    status,
    retryAfter: spec.retryAfter ?? 1,
    message: spec.message ?? 'This change is not allowed for this lead',
  };
}

function validateSpec(spec: FaultSpec): void {
  if (!(FAULT_KINDS as readonly string[]).includes(spec.kind)) {
    throw new SimConfigError(
      'kind',
      `Unknown fault kind "${String(spec.kind)}"; use one of: ${FAULT_KINDS.join(', ')}`,
    );
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1)) {
    throw new SimConfigError(
      'times',
      `times must be a whole number of at least 1, not ${String(spec.times)}`,
    );
  }
  if (
    spec.status !== undefined &&
    (spec.kind !== '5xx' ||
      !(Number.isInteger(spec.status) && spec.status >= 500 && spec.status <= 599))
  ) {
    throw new SimConfigError(
      'status',
      `status applies to '5xx' faults and must be from 500 to 599, not ${String(spec.status)}`,
    );
  }
  if (spec.message !== undefined && (spec.kind !== '400' || typeof spec.message !== 'string')) {
    throw new SimConfigError('message', `message applies to '400' faults and must be text`);
  }
  const retryAfter = spec.retryAfter;
  if (
    retryAfter !== undefined &&
    retryAfter !== 'http-date' &&
    !(Number.isInteger(retryAfter) && retryAfter >= 0)
  ) {
    throw new SimConfigError(
      'retryAfter',
      `retryAfter must be whole seconds or 'http-date', not ${String(retryAfter)}`,
    );
  }
  const method = spec.match?.method;
  if (method !== undefined && typeof method !== 'string') {
    throw new SimConfigError('match.method', 'match.method must be an HTTP method such as PATCH');
  }
  const path = spec.match?.path;
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) {
    throw new SimConfigError('match.path', 'match.path must be a path string or a RegExp');
  }
}
