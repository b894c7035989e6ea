/**
 * The channel over HTTP and Server-Sent Events, its server end (the page's
 * src-renderer/bridge/browser-channel.ts is the client end):
 * - `POST /api/invoke/<command>`: the JSON body is the command's input, the answer the same
 *   `Result` the desktop app's IPC gives, from the same gate. Every answer that reached the gate
 *   is HTTP 200, but a refused caller's (403); problems with the body are `invalid-input` results
 *   like any other bad input.
 * - `GET /api/events`: every event of the contract, as `event: <name>` with its JSON payload. A
 *   new stream starts with the current sync status, so a page that reconnects is up to date at
 *   once, and a comment line every so often keeps idle proxies and the browser from dropping it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure, TRUSTED, type Caller, type ChannelServer } from '#channel';
import { EVENT_NAMES, type EventName } from '#contract';
import type { Logger } from '../../core';
import { sendJson, writeHead } from './respond';

export const MAX_BODY_BYTES = 1024 * 1024;
export const INVOKE_PREFIX = '/api/invoke/';
export const HEARTBEAT_MS = 15_000;

type Body = { ok: true; text: string } | { ok: false; message: string };

function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve({ ok: false, message: tooLarge(limit) });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve({ ok: false, message: tooLarge(limit) });
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => resolve({ ok: false, message: 'The request was cut off' }));
  });
}

function tooLarge(limit: number): string {
  return `The request is larger than the ${Math.round(limit / 1024)} KB a command may carry`;
}

function commandName(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname.slice(INVOKE_PREFIX.length));
  } catch {
    return undefined;
  }
}

export async function handleInvoke(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  channel: ChannelServer,
  caller: Caller,
): Promise<void> {
  const name = commandName(pathname);
  // A refused caller's body is not worth reading: the gate answers without it.
  if (!caller.trusted)
    return sendJson(response, await channel.invoke(name, undefined, caller), {}, 403);
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    // The rest of an oversized body is not worth reading: answer, then drop the connection.
    sendJson(response, failure('invalid-input', body.message), { Connection: 'close' });
    return;
  }
  let input: unknown;
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch {
      sendJson(response, failure('invalid-input', 'The request body is not valid JSON'));
      return;
    }
  }
  sendJson(response, await channel.invoke(name, input, caller));
}

export interface EventStreamOptions {
  channel: ChannelServer;
  logger: Logger;
  heartbeatMs?: number | undefined;
}

/** Opens the stream on `response`; the returned function ends it (also called on disconnect). */
export function openEventStream(response: ServerResponse, options: EventStreamOptions): () => void {
  const { channel, logger } = options;
  writeHead(response, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.flushHeaders();

  let open = true;
  let statusSent = false;
  const send = (event: EventName, payload: unknown): void => {
    if (!open) return;
    if (event === 'sync:status') statusSent = true;
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  const unsubscribe = EVENT_NAMES.map((event) =>
    channel.on(event, (payload) => send(event, payload)),
  );
  // Subscribed first so nothing is missed; the snapshot is dropped if a fresher status went out.
  // Asked as the page that holds the stream (its token was checked to open it).
  void channel.invoke('sync:status', {}, TRUSTED).then((status) => {
    if (status.ok) {
      if (!statusSent) send('sync:status', status.value);
    } else {
      logger.warn('Could not read the sync status for a new event stream', {
        error: status.error.message,
      });
    }
  });

  const heartbeat = setInterval(() => {
    if (open) response.write(': heartbeat\n\n');
  }, options.heartbeatMs ?? HEARTBEAT_MS);

  const close = (): void => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    for (const stop of unsubscribe) stop();
    response.end();
  };
  response.on('close', close);
  return close;
}
