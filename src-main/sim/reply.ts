/**
 * Replies in Envoke's shapes (envoke-lead-api.md §3): bare JSON for reads, the
 * `{success, result_text, result_data}` envelope for writes and errors, and the no-cache headers
 * of Envoke's PHP stack.
 */

export interface SimReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Headers Envoke's sample responses carry; the 1981 `Expires` is PHP's no-cache signature. */
export const ENVOKE_HEADERS: Readonly<Record<string, string>> = {
  Server: 'nginx',
  'Content-Type': 'application/json',
  Vary: 'Accept-Encoding',
  Expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  Pragma: 'no-cache',
  'X-Frame-Options': 'SAMEORIGIN',
};

const VALIDATION_FAILED = "Validation failed, see 'result_data' -> 'errors'";

export function json(status: number, value: unknown, headers?: Record<string, string>): SimReply {
  return { status, body: JSON.stringify(value), ...(headers === undefined ? {} : { headers }) };
}

export function envelope(status: number, success: boolean, text: string, data: unknown): SimReply {
  return json(status, { success, result_text: text, result_data: data });
}

export function validationFailed(errors: readonly string[]): SimReply {
  return envelope(400, false, VALIDATION_FAILED, { errors });
}

export function unauthorized(): SimReply {
  return json(
    401,
    { success: false, result_text: 'Unauthorized', result_data: [] },
    { 'WWW-Authenticate': 'Basic realm="Envoke API"' },
  );
}

export function notFound(text = 'Not found'): SimReply {
  return envelope(404, false, text, []);
}

export function methodNotAllowed(method: string, allowed: readonly string[]): SimReply {
  return json(
    405,
    { success: false, result_text: `Method ${method} is not supported here`, result_data: [] },
    { Allow: allowed.join(', ') },
  );
}

/**
 * A 500 comes from Envoke's PHP code as an envelope; other 5xx come from the nginx in front of it
 * as an HTML page, which a client must survive reading too.
 */
export function serverError(status: number): SimReply {
  if (status === 500) return envelope(500, false, 'An internal error occurred', []);
  const title = `${status} ${status === 503 ? 'Service Temporarily Unavailable' : status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Time-out' : 'Server Error'}`;
  return {
    status,
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    headers: { 'Content-Type': 'text/html' },
  };
}

export function tooManyRequests(retryAfter: string): SimReply {
  return json(
    429,
    { success: false, result_text: 'Too many requests', result_data: [] },
    { 'Retry-After': retryAfter },
  );
}

/** A 200 whose body is cut short, as a broken proxy or a crashed PHP worker leaves it. */
export function truncated(reply: SimReply): SimReply {
  const cut = Math.max(1, Math.floor(reply.body.length / 2));
  return {
    ...reply,
    status: 200,
    body: reply.body.slice(0, Math.min(cut, reply.body.length - 1)) || '{',
  };
}
