/**
 * The renderer's Content-Security-Policy: the one src-renderer/index.html declares (a test holds
 * them together), sent as a header by the Electron session and the browser host on every
 * response. Only a header can carry `frame-ancestors`; browsers ignore it in a <meta> policy.
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
