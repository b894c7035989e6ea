/** A request as the routes see it, after the server has read it whole. */
import { SimValidationError } from './errors';

export interface SimRequest {
  method: string;
  /** Path without the query, e.g. `/v1/leads/1234`. */
  pathname: string;
  /** Query string including the leading `?`, or "". */
  search: string;
  body: string;
}

/**
 * Envoke reads the raw body as JSON whatever the Content-Type says (its own docs send JSON as a
 * form post), so the simulator does too.
 */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') throw new SimValidationError(['The request body must be a JSON object']);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new SimValidationError([`The request body is not valid JSON${detail}`]);
  }
}
