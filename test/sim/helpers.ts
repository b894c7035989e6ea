/** Starts simulators for tests and talks to them over real HTTP on 127.0.0.1. */
import { afterEach } from 'vitest';
import {
  type RunningSimulator,
  type SimLead,
  type SimulatorOptions,
  startSimulator,
} from '../../src-main/sim/index';

const running = new Set<RunningSimulator>();

afterEach(async () => {
  await Promise.all([...running].map((sim) => sim.stop()));
  running.clear();
});

/** A simulator on a random port, stopped after the test. Small by default to stay fast. */
export async function startSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ port: 0, leads: 200, ...options });
  running.add(sim);
  return sim;
}

export function basicAuth(id = 'demo', key = 'demo'): string {
  return `Basic ${Buffer.from(`${id}:${key}`).toString('base64')}`;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/** Sends one request; `body` is sent as given (string) or as JSON. */
export async function call<T = unknown>(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  init: { auth?: string | null; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  const auth = init.auth === undefined ? basicAuth() : init.auth;
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

export const getLeads = (sim: RunningSimulator, query: string): Promise<Reply<SimLead[]>> =>
  call<SimLead[]>(sim, 'GET', `/v1/leads${query}`);

/** Builds a PHP bracket query string, percent-encoded as Envoke's docs show. */
export function q(params: Record<string, string | number>): string {
  return (
    '?' +
    Object.entries(params)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&')
  );
}

export interface Envelope<T = unknown> {
  success: boolean;
  result_text: string;
  result_data: T;
}

export type ErrorEnvelope = Envelope<{ errors: string[] }>;

export const VALIDATION_TEXT = "Validation failed, see 'result_data' -> 'errors'";

/** A fixed clock for `create_time` and `*_time`. */
export function fixedClock(iso: string): () => Date {
  return () => new Date(iso);
}
