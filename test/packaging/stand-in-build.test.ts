/**
 * A release build, end to end, with nothing downloaded: the app built by electron-vite, packed by
 * electron-builder for real (`--linux --dir`, electron-builder.yml, dist.mjs's arguments, the
 * afterPack hook) around a stand-in Electron that carries Electron 45's fuse wire. The output
 * tree is what the .deb and the AppImage are made from, and what the checks below read.
 */
import * as asarFiles from '@electron/asar';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFuseWires } from '../../scripts/packaging/fuse-wire.mjs';
import { ensureBuiltApp, packLinuxDir, ROOT, type PackagingRun } from './packaging-run';
import { makeStandInElectron } from './stand-in-electron';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const bindings = require('bindings') as (options: {
  bindings: string;
  module_root: string;
  path: true;
}) => string;

const FEED = 'https://updates.example.com/lead-triage/';
const SQLITE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

let work: string;
let plain: PackagingRun;
let withFeed: PackagingRun;
let shortWire: PackagingRun;
let asar: string;
let entries: string[];

beforeAll(async () => {
  ensureBuiltApp();
  work = mkdtempSync(join(tmpdir(), 'lead-triage-packaging-'));
  const electron45 = makeStandInElectron(join(work, 'electron-45'));
  // Eight fuses: an Electron older than the one this build is for.
  const eightFuses = makeStandInElectron(join(work, 'electron-8-fuses'), '10110001');
  [plain, withFeed, shortWire] = await Promise.all([
    // As on a CI runner that has a token and knows its repository: the conditions in which
    // electron-builder would make a GitHub feed of its own.
    packLinuxDir({
      electronDist: electron45,
      outDir: join(work, 'plain'),
      env: { GH_TOKEN: 'stand-in-token', TRAVIS_REPO_SLUG: 'envoke/lead-triage' },
    }),
    packLinuxDir({
      electronDist: electron45,
      outDir: join(work, 'feed'),
      env: { LEAD_TRIAGE_UPDATE_URL: FEED },
    }),
    packLinuxDir({ electronDist: eightFuses, outDir: join(work, 'short') }),
  ]);
  expect(plain.code, plain.output).toBe(0);
  expect(withFeed.code, withFeed.output).toBe(0);
  asar = join(plain.appDir, 'resources', 'app.asar');
  // The archive's own paths, '/'-separated whatever the platform.
  entries = asarFiles
    .listPackage(asar, { isPack: false })
    .map((entry) => entry.split(sep).join('/').replace(/^\//, ''));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** An archive entry by its '/'-separated path (@electron/asar splits paths on the platform's). */
const statFile = (archive: string, entry: string) =>
  asarFiles.statFile(archive, entry.split('/').join(sep));
const extractFile = (archive: string, entry: string) =>
  asarFiles.extractFile(archive, entry.split('/').join(sep));

/** Files under `dir`, relative and '/'-separated. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('app.asar', () => {
  it('holds the main bundle with the core worker beside it, the preload and the renderer: every built file and nothing else of out/', () => {
    const packed = JSON.parse(extractFile(asar, 'package.json').toString()) as Record<
      string,
      unknown
    >;
    expect(packed.main).toBe('out/main/index.js');
    for (const file of [
      'out/main/index.js',
      'out/main/core-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ])
      expect(entries).toContain(file);
    const built = filesUnder(join(ROOT, 'out')).filter((file) => !file.endsWith('.map'));
    const packedOut = entries.filter((entry) => entry.startsWith('out/') && statFileIsFile(entry));
    expect(packedOut.sort()).toEqual(built.map((file) => `out/${file}`).sort());
  });

  it('holds no sources, tests, build scripts or source maps', () => {
    const top = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    const packed = JSON.parse(extractFile(asar, 'package.json').toString()) as Record<
      string,
      unknown
    >;
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.scripts).toBeUndefined();
    // Electron names the window after it on Linux; the .desktop file carries the same name.
    expect(packed.desktopName).toBe('lead-triage.desktop');
  });

  it('holds production dependencies only: each package is one npm installs without --include=dev', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const packages = entries.filter(
      (entry) =>
        /^node_modules\/(@[^/]+\/)?[^/@]+(\/node_modules\/(@[^/]+\/)?[^/@]+)*$/.test(entry) &&
        entries.includes(`${entry}/package.json`),
    );
    expect(packages.length).toBeGreaterThan(10);
    // electron-builder lays the tree out anew (a nested copy may move up), so each package is
    // matched by its folder name and version against the lock's production entries.
    const installName = (path: string) => path.replace(/^.*node_modules\//, '');
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, entry]) => path !== '' && entry.dev !== true)
        .map(([path, entry]) => `${installName(path)}@${(entry as { version: string }).version}`),
    );
    const notProduction = packages
      .map((entry) => {
        const { version } = JSON.parse(extractFile(asar, `${entry}/package.json`).toString()) as {
          version: string;
        };
        return `${installName(entry)}@${version}`;
      })
      .filter((found) => !production.has(found));
    expect(notProduction).toEqual([]);
    for (const name of Object.keys(pkg.dependencies))
      expect(packages).toContain(`node_modules/${name}`);
    for (const name of Object.keys(pkg.devDependencies))
      expect(packages).not.toContain(`node_modules/${name}`);
  });
});

/** Whether an archive entry is a file (directories have `files`). */
function statFileIsFile(entry: string): boolean {
  return !('files' in statFile(asar, entry));
}

describe('the SQLite native module', () => {
  it('is outside app.asar, in app.asar.unpacked at the path better-sqlite3 loads it from', () => {
    // better-sqlite3 loads its module through `bindings`, from its own folder.
    const loader = extractFile(asar, 'node_modules/better-sqlite3/lib/database.js').toString();
    expect(loader).toContain("require('bindings')('better_sqlite3.node')");
    // The archive lists it as unpacked: Electron then loads it from app.asar.unpacked.
    expect(statFile(asar, SQLITE_MODULE)).toMatchObject({ unpacked: true });
    const unpacked = join(plain.appDir, 'resources', 'app.asar.unpacked');
    const onDisk = join(unpacked, ...SQLITE_MODULE.split('/'));
    expect(readFileSync(onDisk).equals(readFileSync(join(ROOT, ...SQLITE_MODULE.split('/'))))).toBe(
      true,
    );
    // The file `bindings` picks, searching that folder the way it searches inside app.asar.
    const picked = bindings({
      bindings: 'better_sqlite3.node',
      module_root: join(unpacked, 'node_modules', 'better-sqlite3'),
      path: true,
    });
    expect(picked).toBe(onDisk);
  });

  it('is the only native module, and no native module stays inside the archive', () => {
    const native = entries.filter((entry) => entry.endsWith('.node'));
    expect(native).toEqual([SQLITE_MODULE]);
    for (const entry of native) expect(statFile(asar, entry)).toMatchObject({ unpacked: true });
  });
});

describe('fuses', () => {
  it('are set on the packed executable after packing: RunAsNode, NODE_OPTIONS, --inspect off; cookies, ASAR integrity, ASAR only on; wasm traps on', () => {
    expect(plain.output).toContain('fuses set  wire=010011001');
    expect(readFuseWires(join(plain.appDir, 'lead-triage'))).toEqual(['010011001']);
  });

  it('stop the build with a clear message when the wire is not the length Electron 45 has', () => {
    expect(shortWire.code).not.toBe(0);
    expect(shortWire.output).toMatch(
      /The fuse wire in .*lead-triage has 8 fuses, but Electron 45\.\d+\.\d+ has 9 \(runAsNode, .*, wasmTrapHandlers\): the binary is not that Electron, or Electron added a fuse; decide it in scripts\/packaging\/fuses\.mjs before building\./,
    );
    expect(readFuseWires(join(shortWire.appDir, 'lead-triage'))).toEqual(['10110001']);
  });
});

describe('the update feed', () => {
  it('is absent without LEAD_TRIAGE_UPDATE_URL, even where a token would make electron-builder publish to GitHub', () => {
    const resources = join(plain.appDir, 'resources');
    const feedFile = join(resources, 'app-update.yml');
    const feed = existsSync(feedFile) ? readFileSync(feedFile, 'utf8') : null;
    expect(feed, 'app-update.yml starts the installed app’s updater').toBeNull();
  });

  it('is the generic provider over https with LEAD_TRIAGE_UPDATE_URL', () => {
    const file = join(withFeed.appDir, 'resources', 'app-update.yml');
    const feed = yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(feed).toMatchObject({ provider: 'generic', url: FEED });
    expect(new URL(String(feed.url)).protocol).toBe('https:');
  });
});
