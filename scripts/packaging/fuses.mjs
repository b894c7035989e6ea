// Electron fuses of the packaged app: switches compiled into the Electron binary that no command
// line, environment variable or file can turn back on. They are flipped after packing, before
// signing, by after-pack.mjs (fuse-wire.mjs writes them).
//
// A test build (LEAD_TRIAGE_TEST_BUILD=1 npm run dist:…) keeps the --inspect arguments on: the
// Playwright `_electron` suite drives the app through them. Everything else stays as shipped.

export const TEST_BUILD_ENV = 'LEAD_TRIAGE_TEST_BUILD';

/** @param {Record<string, string | undefined>} env */
export function isTestBuild(env) {
  return env[TEST_BUILD_ENV] === '1' || env[TEST_BUILD_ENV] === 'true';
}

/**
 * Every fuse of Electron 45, in the wire's order (Electron's build/fuses/fuses.json5), and what
 * it is set to. A fuse a later Electron adds stops the build until it is decided here.
 * @param {Record<string, string | undefined>} env
 * @returns {{ name: string, enabled: boolean }[]}
 */
export function fuseSettings(env) {
  return [
    // `ELECTRON_RUN_AS_NODE=1 "Lead Triage"` would be a signed Node for anyone to run.
    { name: 'runAsNode', enabled: false },
    // Chromium's cookie store encrypted with the OS keychain, as Chrome does.
    { name: 'cookieEncryption', enabled: true },
    // NODE_OPTIONS=--require=… would run any script inside the signed app.
    { name: 'nodeOptions', enabled: false },
    // --inspect / --inspect-brk would open a debugger into the main process.
    { name: 'nodeCliInspect', enabled: isTestBuild(env) },
    // app.asar is checked against the hash the builder recorded when packing.
    { name: 'embeddedAsarIntegrityValidation', enabled: true },
    // The app runs only from its (checked) app.asar, never from a folder placed beside it.
    { name: 'onlyLoadAppFromAsar', enabled: true },
    // No V8 snapshot of our own: the main process starts from Electron's.
    { name: 'loadBrowserProcessSpecificV8Snapshot', enabled: false },
    // The renderer is served from app:// (see src-main/app/app-protocol.ts): file:// needs nothing.
    { name: 'grantFileProtocolExtraPrivileges', enabled: false },
    // Electron's default (on): V8 guards WebAssembly memory with guard pages and a signal
    // handler instead of a bounds check before every access. Turning it off protects nothing
    // more, it only makes WebAssembly slower and bigger.
    { name: 'wasmTrapHandlers', enabled: true },
  ];
}
