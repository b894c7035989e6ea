/**
 * Core events to the page as Server-Sent Events (`event: <name>` / `data: <json>`). The current
 * sync status goes out first so a page that (re)connects is up to date at once, and a comment
 * line every so often keeps idle proxies and the browser from dropping the connection.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../../core';
import type { SessionEventName } from '../../session/open-core';
import type { CoreSession } from '../../session/core-session';
import { writeHead } from './respond';

export const HEARTBEAT_MS = 15_000;

export interface EventStreamOptions {
  session: CoreSession;
  logger: Logger;
  heartbeatMs?: number;
}

/** Opens the stream on `response`; the returned function ends it (also called on disconnect). */
export function openEventStream(response: ServerResponse, options: EventStreamOptions): () => void {
  const { session, logger } = options;
  writeHead(response, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.flushHeaders();

  let open = true;
  let statusSent = false;
  const send = (event: SessionEventName, payload: unknown): void => {
    if (!open) return;
    if (event === 'sync:status') statusSent = true;
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  const unsubscribe = [
    session.on('sync:status', (status) => send('sync:status', status)),
    session.on('leads:changed', (change) => send('leads:changed', change)),
    session.on('app:notice', (notice) => send('app:notice', notice)),
  ];
  // Subscribed first so nothing is missed; the snapshot is dropped if a fresher status went out.
  session.handlers['sync:status']({}).then(
    (status) => {
      if (!statusSent) send('sync:status', status);
    },
    (error: unknown) => logger.warn('Could not read the sync status for a new event stream', { error: String(error) }),
  );

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
