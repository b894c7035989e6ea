/**
 * Who is sending an outbox row. A row marked 'sending' carries its claimant: the sync engine
 * (one per open core) that sends it, named by its process id and a random instance id. Any other
 * engine on the same file, in this process or another, leaves the row alone while that claimant
 * lives, so one change never goes out twice. A claim is abandoned when:
 * - its process is gone (the OS says no such process), as after a crash or a kill;
 * - it was made in this process by an engine no longer running here: the core's worker thread
 *   died and was replaced (one process runs one engine per database; the cache lock keeps other
 *   processes out), or the core was closed without finishing (it never is: close waits);
 * - it is older than CLAIM_LEASE_MS, which outlasts any one send (every request has a timeout),
 *   in case the claimant's process id now belongs to an unrelated program.
 * Only then does another engine send the row again, marked as an outcome unknown (it may have
 * reached Envoke), through the idempotent checks (three-way compare, lookup by remote_id).
 */
import { randomUUID } from 'node:crypto';

export const CLAIM_LEASE_MS = 15 * 60_000;

/** The engines of this thread that are running; an engine of this process not listed is gone. */
const running = new Set<string>();

export interface Claimant {
  /** Written into the rows this engine sends. */
  readonly id: string;
  /** The engine stopped: its claims are abandoned from now on. */
  release(): void;
}

export function newClaimant(): Claimant {
  const id = `${process.pid}:${randomUUID()}`;
  running.add(id);
  return { id, release: () => running.delete(id) };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the row claimed by `claim` at `claimedAt` is still being sent by a live engine. */
export function claimIsLive(claim: string | null, claimedAt: number, now: number): boolean {
  if (claim === null) return false;
  if (now - claimedAt > CLAIM_LEASE_MS) return false;
  const pid = Number(claim.slice(0, claim.indexOf(':')));
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return running.has(claim);
  return processExists(pid);
}
