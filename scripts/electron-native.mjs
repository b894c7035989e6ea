// Builds better-sqlite3 for Electron's ABI beside the Node build that tests and the CLI use.
// `npm install` builds it for Node; Electron needs its own build of the same native module.
// The copy lives in .electron-native/ and the app loads it through better-sqlite3's
// `nativeBinding` option, so neither build replaces the other.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './electron-binary.mjs';

export const electronBindingPath = join(
  projectRoot,
  '.electron-native',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

const readManifest = (pkg) =>
  JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8'));
const readVersion = (pkg) => readManifest(pkg).version;

/** npm ships node-gyp and tells scripts where; outside npm, look beside npm's own files. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const npmCli = process.env.npm_execpath ?? '';
  return join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
}

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function ensureElectronSqlite() {
  const electronVersion = readVersion('electron');
  // The real package's name too: better-sqlite3 is installed as an alias of the encrypting build,
  // and a plain build of the same version must not be taken for it.
  const sqlite = readManifest('better-sqlite3');
  const stamp = `${sqlite.name}-${sqlite.version}@electron-${electronVersion}`;
  const stampFile = join(projectRoot, '.electron-native', 'stamp');
  if (
    existsSync(electronBindingPath) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp
  ) {
    return { ok: true, path: electronBindingPath };
  }
  const source = join(projectRoot, 'node_modules', 'better-sqlite3');
  const target = join(projectRoot, '.electron-native', 'better-sqlite3');
  rmSync(join(projectRoot, '.electron-native'), { recursive: true, force: true });
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !path.startsWith(join(source, 'build')),
  });

  console.log(`Preparing SQLite for Electron ${electronVersion} (once)…`);
  const bin = (...path) => join(projectRoot, 'node_modules', ...path);
  const attempts = [
    // better-sqlite3 publishes prebuilt binaries for Electron...
    [bin('prebuild-install', 'bin.js'), ['--runtime', 'electron', '--target', electronVersion]],
    // ...and builds from source against Electron's headers otherwise.
    [
      nodeGyp(),
      [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    ],
  ];
  const failures = [];
  for (const [script, args] of attempts) {
    if (!existsSync(script)) continue;
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: target,
      encoding: 'utf8',
    });
    if (result.status === 0 && existsSync(electronBindingPath)) {
      writeFileSync(stampFile, stamp);
      return { ok: true, path: electronBindingPath };
    }
    failures.push(`${(result.stderr || result.stdout || '').trim().split('\n').at(-1)}`);
  }
  return { ok: false, reason: failures.join('; ') || 'no build tool found' };
}
