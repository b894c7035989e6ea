// Electron fuses of the packaged app: switches compiled into the Electron binary that no command
// line, environment variable or file can turn back on. They are flipped after packing, before
// signing, by after-pack.mjs.
//
// A test build (LEAD_TRIAGE_TEST_BUILD=1 npm run dist:…) keeps the --inspect arguments on: the
// Playwright `_electron` suite drives the app through them. Everything else stays as shipped.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const TEST_BUILD_ENV = 'LEAD_TRIAGE_TEST_BUILD';

/** @param {Record<string, string | undefined>} env */
export function isTestBuild(env) {
  return env[TEST_BUILD_ENV] === '1' || env[TEST_BUILD_ENV] === 'true';
}

/**
 * What each fuse is set to, by name.
 * @param {Record<string, string | undefined>} env
 */
export function fuseSettings(env) {
  return {
    // `ELECTRON_RUN_AS_NODE=1 "Lead Triage"` would be a signed Node for anyone to run.
    runAsNode: false,
    // Chromium's cookie store encrypted with the OS keychain, as Chrome does.
    enableCookieEncryption: true,
    // NODE_OPTIONS=--require=… would run any script inside the signed app.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect / --inspect-brk would open a debugger into the main process.
    enableNodeCliInspectArguments: isTestBuild(env),
    // app.asar is checked against the hash the builder recorded when packing.
    enableEmbeddedAsarIntegrityValidation: true,
    // The app runs only from its (checked) app.asar, never from a folder placed beside it.
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The renderer is served from app:// (see src-main/app/app-protocol.ts): file:// needs nothing.
    grantFileProtocolExtraPrivileges: false,
  };
}

const OPTION_OF = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/**
 * The configuration @electron/fuses' flipFuses takes. Every fuse is named (strictly): a fuse a
 * later Electron adds fails the build until it is decided here.
 * @param {Record<string, string | undefined>} env
 * @param {{ platform: string, arch: string }} target
 */
export function fuseConfig(env, target) {
  const settings = fuseSettings(env);
  /** @type {Record<string, unknown>} */
  const config = {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping a fuse breaks an Apple Silicon binary's ad-hoc signature; the real signature
    // comes after this hook.
    resetAdHocDarwinSignature: target.platform === 'darwin' && target.arch === 'arm64',
  };
  for (const [name, value] of Object.entries(settings)) config[OPTION_OF[name]] = value;
  return config;
}
