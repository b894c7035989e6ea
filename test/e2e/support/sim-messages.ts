/** Messages between a test and the host process it started (host-process.ts). */
export type SimRequest =
  | { op: 'lead'; id: string }
  | { op: 'edit'; id: string; patch: unknown }
  | { op: 'insert'; body: unknown }
  | { op: 'offline'; offline: boolean }
  | { op: 'journal' };

export type SimReply =
  { seq: number; ok: true; value: unknown } | { seq: number; ok: false; message: string };
