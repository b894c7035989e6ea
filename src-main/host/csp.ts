/**
 * The renderer's Content-Security-Policy, identical to the one in src-renderer/index.html (a test
 * holds them together). Sent as a header too: the Electron session and the browser host add it to
 * every response, and only a header can carry `frame-ancestors`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
