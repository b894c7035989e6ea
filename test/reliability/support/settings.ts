/**
 * How long and with which seed the reliability suites run. `npm test` uses the short defaults;
 * `npm run soak` sets RELIABILITY_CYCLES high and collects each suite's one-line figure through
 * RELIABILITY_FIGURES. A failure names its seed: RELIABILITY_SEED=N repeats the run's choices
 * (kill moments, faults, generated replies; the scheduler's timing cannot be replayed).
 */
import { appendFileSync } from 'node:fs';
import { Prng, mixSeed } from '../../../src-main/sim/prng';

function wholeNumberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, not "${text}"`);
  }
  return value;
}

export const SEED = wholeNumberFromEnv('RELIABILITY_SEED', 20261127);

/** The cycle count asked for (soak), or the suite's own short default. */
export function cycles(short: number): number {
  return wholeNumberFromEnv('RELIABILITY_CYCLES', short);
}

/** Whether the suites run long (a soak) rather than at their CI size. */
export const SOAK = process.env.RELIABILITY_CYCLES !== undefined;

/** One generator per suite, so adding a draw to one suite never shifts another's choices. */
export function rngFor(suite: string): Prng {
  let hash = 0;
  for (const char of suite) hash = mixSeed(hash, char.codePointAt(0)!);
  return new Prng(mixSeed(SEED, hash));
}

export interface Figure {
  cycles: number;
  changes: number;
  lost: number;
  duplicated: number;
}

/** Writes the suite's figure where the soak runner reads it (and nowhere under `npm test`). */
export function recordFigure(suite: string, figure: Figure): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify({ suite, ...figure })}\n`);
}

/** Runs a suite's body; a failure carries the seed that repeats its choices. */
export async function withSeed(suite: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const wrapped = new Error(
      `${suite} failed with seed ${SEED} (repeat with RELIABILITY_SEED=${SEED}): ${message}`,
      { cause: error },
    );
    if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
    throw wrapped;
  }
}

/** A test's time limit that grows with the cycles asked for. */
export function timeLimit(baseMs: number, perCycleMs: number, count: number): number {
  return baseMs + perCycleMs * count;
}
