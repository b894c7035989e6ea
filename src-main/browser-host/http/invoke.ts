/**
 * `POST /api/invoke/<command>`: the JSON body is the command's input, the answer is the same
 * `Result` the desktop app's IPC gives, from the same dispatcher. Every answer that reached this
 * point is HTTP 200; problems with the body are `invalid-input` results like any other bad input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '#contract';
import type { Dispatch } from '../../session/command-gate';
import { sendJson } from './respond';

export const MAX_BODY_BYTES = 1024 * 1024;
export const INVOKE_PREFIX = '/api/invoke/';

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

function invalid(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid-input', message } };
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
  dispatch: Dispatch,
): Promise<void> {
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    // The rest of an oversized body is not worth reading: answer, then drop the connection.
    sendJson(response, invalid(body.message), { Connection: 'close' });
    return;
  }
  let input: unknown;
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch {
      sendJson(response, invalid('The request body is not valid JSON'));
      return;
    }
  }
  sendJson(response, await dispatch(commandName(pathname), input));
}
