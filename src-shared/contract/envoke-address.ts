/**
 * Where the API key may be sent. Every request to Envoke carries the API ID and key in its
 * Authorization header (HTTP Basic, readable by anyone who sees the request), so the Envoke
 * address must be https://; plain http:// is allowed only to this computer itself, where the
 * simulator runs and nothing crosses a network. The one rule for the desktop app's settings, the
 * browser host and the CLI, and for the core's client underneath them.
 */

/** Envoke's own address, where an account points unless told otherwise. */
export const DEFAULT_BASE_URL = 'https://e1.envoke.com';

/**
 * An http(s) address with a host, such as https://e1.envoke.com. Hosts check it before anything
 * is sent, so a typo reads as a bad address rather than as Envoke refusing something.
 */
export function isWebAddress(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  // "http:/host" parses (WHATWG fixes the slashes); a scheme typo like "htp:" does not pass here.
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function clearTextRefusal(host: string): string {
  return (
    `Use an https:// address for ${host}: Lead Triage sends the API key with every request, ` +
    'and over plain http:// anyone on the network between this computer and Envoke could read ' +
    'it. Plain http:// is only for this computer itself, as with the simulator.'
  );
}

/**
 * Why the API key must not be sent to `address`, or null when it may (https://, or http:// to
 * this computer). An address that is not a web address at all is left to the callers' own check.
 */
export function clearTextProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return null;
  return clearTextRefusal(url.host);
}
