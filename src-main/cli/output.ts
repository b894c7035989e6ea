/**
 * Writing to stdout and stderr without losing the end. Through a pipe, Node queues what the
 * reader has not taken yet; exiting before the queue drains cuts the output (at 64 KB or 128 KB).
 * Each write here resolves once its chunk is handed to the system, so a caller that awaits it
 * holds at most one chunk in memory and may exit safely afterwards.
 */
import type { Writable } from 'node:stream';

export function writeChunk(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/** The reader went away (`| head`): not an error of ours, just nobody left to tell. */
export function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}
