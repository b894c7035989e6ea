/** Messages between a test and the host process it started (host-process.ts). */
import type { FaultSpec } from '../../../src-main/sim';

/**
 * A queued simulator fault as a message can carry it: the path is matched exactly (a RegExp does
 * not survive the trip between processes).
 */
export type FaultRequest = Omit<FaultSpec, 'match'> & {
  match?: { method?: string; path?: string };
};

export type SimRequest =
  | { op: 'lead'; id: string }
  | { op: 'edit'; id: string; patch: unknown }
  | { op: 'insert'; body: unknown }
  | { op: 'offline'; offline: boolean }
  | { op: 'fault'; fault: FaultRequest }
  | { op: 'journal' }
  /** Not Envoke's side: ends the host's core worker thread, as a crash would. */
  | { op: 'crash-core' };

export type SimReply =
  { seq: number; ok: true; value: unknown } | { seq: number; ok: false; message: string };
