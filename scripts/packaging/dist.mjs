// `npm run dist[:mac|:win|:linux] [-- electron-builder options]`: builds the app (electron-vite)
// and packs it with electron-builder (electron-builder.yml). Publishing is never automatic; the
// update feed is the generic provider at LEAD_TRIAGE_UPDATE_URL, baked in when set, and crash
// reports are uploaded only to LEAD_TRIAGE_CRASH_URL when set.
// `npm run dist -- --help` shows electron-builder's own options without building.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const UPDATE_URL_ENV = 'LEAD_TRIAGE_UPDATE_URL';
export const CRASH_URL_ENV = 'LEAD_TRIAGE_CRASH_URL';
const PLATFORM_FLAGS = { mac: '--mac', win: '--win', linux: '--linux' };

/**
 * electron-builder's arguments for one platform ('' = this computer's) and the environment.
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 * @param {string[]} extra
 */
export function builderArgs(platform, env, extra) {
  const args = ['--publish', 'never'];
  if (platform !== '') {
    const flag = PLATFORM_FLAGS[platform];
    if (!flag) throw new Error(`Unknown platform "${platform}": use mac, win or linux`);
    args.push(flag);
  }
  const feed = env[UPDATE_URL_ENV];
  if (feed) {
    const url = new URL(feed);
    if (url.protocol !== 'https:') throw new Error(`${UPDATE_URL_ENV} must be an https:// address`);
    args.push('-c.publish.provider=generic', `-c.publish.url=${url.href}`);
  }
  // Crash minidumps stay on the computer unless a crash server is named here.
  const crashes = env[CRASH_URL_ENV];
  if (crashes) {
    const url = new URL(crashes);
    if (url.protocol !== 'https:') throw new Error(`${CRASH_URL_ENV} must be an https:// address`);
    args.push(`-c.extraMetadata.crashReportUrl=${url.href}`);
  }
  return [...args, ...extra];
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const platform = argv[0] !== undefined && argv[0] in PLATFORM_FLAGS ? argv[0] : '';
  const extra = platform === '' ? argv : argv.slice(1);
  const bin = (...path) => join(projectRoot, 'node_modules', ...path);
  const builder = bin('electron-builder', 'cli.js');
  if (extra.includes('--help')) {
    run(builder, ['--help']);
  } else {
    run(bin('electron-vite', 'bin', 'electron-vite.js'), ['build']);
    run(builder, builderArgs(platform, process.env, extra));
  }
}
