/**
 * The packaging configuration's invariants: electron-builder loads and validates
 * electron-builder.yml with its own schema, and the rules a release relies on are asserted one by
 * one, so an edit that breaks one fails CI before any installer is built. What a build then
 * produces is checked in stand-in-build.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderArgs } from '../../scripts/packaging/dist.mjs';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Configuration {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: Array<{ filter: string[] }>;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  nativeRebuilder: string;
  afterPack: string;
  publish?: unknown;
  linux: { target: Array<string | { target: string }>; icon: string; syncDesktopName?: boolean };
  mac: {
    target: Array<{ target: string }>;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    notarize: boolean;
    icon: string;
  };
  win: { target: Array<{ target: string }>; icon: string };
}

async function loadConfig(): Promise<Configuration> {
  const { getConfig, validateConfiguration } =
    require('app-builder-lib/out/util/config/config.js') as {
      getConfig(
        projectDir: string,
        configPath: string | null,
        options: null,
      ): Promise<Configuration>;
      validateConfiguration(config: Configuration, debug: { isEnabled: boolean }): Promise<void>;
    };
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, { isEnabled: false });
  return config;
}

const targets = (list: Array<string | { target: string }>): string[] =>
  list.map((entry) => (typeof entry === 'string' ? entry : entry.target));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and names the app', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('com.envoke.leadtriage');
    expect(config.productName).toBe('Lead Triage');
    expect(config.directories).toEqual({ buildResources: 'resources', output: 'dist' });
  });

  it('packs only the built app and its run-time dependencies', async () => {
    const config = await loadConfig();
    const patterns = config.files.flatMap((entry) => entry.filter);
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    expect(patterns).toContain('!**/*.map');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.main.startsWith('out/')).toBe(true);
    // What the main process requires at run time is a dependency (collected and packed); build
    // tools are not.
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['better-sqlite3', 'electron-store', 'zod']),
    );
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
    }
    expect(pkg.dependencies['better-sqlite3']).toBe('npm:better-sqlite3-multiple-ciphers@12.11.1');
  });

  it('keeps the SQLite native module outside app.asar and has the builder rebuild it for Electron', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    // @electron/rebuild, not the legacy app-builder binary.
    expect(['sequential', 'parallel']).toContain(config.nativeRebuilder);
  });

  it('builds a hardened, notarizable macOS dmg and zip with the entitlements in resources/', async () => {
    const config = await loadConfig();
    expect(targets(config.mac.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('resources/entitlements.mac.plist');
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // Exceptions that would let other code into the signed process stay off.
    for (const weakening of [
      'disable-library-validation',
      'allow-dyld-environment-variables',
      'allow-unsigned-executable-memory',
      'get-task-allow',
    ]) {
      expect(plist).not.toContain(weakening);
    }
  });

  it('builds a Windows NSIS installer and Linux AppImage and deb', async () => {
    const config = await loadConfig();
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
  });

  it('names the Linux .desktop file as Electron names the window (desktopName)', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      desktopName: string;
    };
    expect(pkg.desktopName).toBe('lead-triage.desktop');
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('never publishes by itself: the update feed is added only from LEAD_TRIAGE_UPDATE_URL', async () => {
    const config = await loadConfig();
    // null, not absent: electron-builder would otherwise make a GitHub feed of its own (see
    // stand-in-build.test.ts).
    expect(config.publish).toBeNull();
    expect(builderArgs('mac', {}, [])).toEqual(['--publish', 'never', '--mac']);
    expect(
      builderArgs('', { LEAD_TRIAGE_UPDATE_URL: 'https://updates.example.com/lead-triage/' }, [
        '--dir',
      ]),
    ).toEqual([
      '--publish',
      'never',
      '-c.publish.provider=generic',
      '-c.publish.url=https://updates.example.com/lead-triage/',
      '--dir',
    ]);
    expect(() =>
      builderArgs('', { LEAD_TRIAGE_UPDATE_URL: 'http://updates.example.com' }, []),
    ).toThrow(/must be an https/);
    expect(() => builderArgs('beos', {}, [])).toThrow(/Unknown platform/);
    expect(
      builderArgs('linux', { LEAD_TRIAGE_CRASH_URL: 'https://crashes.example.com/submit' }, []),
    ).toEqual([
      '--publish',
      'never',
      '--linux',
      '-c.extraMetadata.crashReportUrl=https://crashes.example.com/submit',
    ]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts).toMatchObject({
      dist: 'node scripts/packaging/dist.mjs',
      'dist:mac': 'node scripts/packaging/dist.mjs mac',
      'dist:win': 'node scripts/packaging/dist.mjs win',
      'dist:linux': 'node scripts/packaging/dist.mjs linux',
    });
  });

  it('has a 1024×1024 icon every target is made from', async () => {
    const config = await loadConfig();
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon])
      expect(icon).toBe('icon.png');
    const png = readFileSync(join(ROOT, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, then bit depth 8 and colour type 6 (RGBA, for rounded corners).
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([
      1024, 1024, 8, 6,
    ]);
  });
});

describe('the release workflow’s signing (see also release-workflow.test.ts)', () => {
  const workflow = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');

  it('takes signing material only from secrets, each named in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = [...workflow.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((match) => match[1]!);
    expect(new Set(named)).toEqual(
      new Set([
        'MAC_CSC_LINK',
        'MAC_CSC_KEY_PASSWORD',
        'APPLE_API_KEY_P8',
        'APPLE_API_KEY_ID',
        'APPLE_API_ISSUER',
        'WIN_CSC_LINK',
        'WIN_CSC_KEY_PASSWORD',
      ]),
    );
    for (const secret of named) expect(readme).toContain(`\`${secret}\``);
    // Every signing variable the build reads is bound to a secret expression, never a literal.
    for (const line of workflow
      .split('\n')
      .filter((text) =>
        /^\s+(CSC_LINK|CSC_KEY_PASSWORD|WIN_CSC_LINK|WIN_CSC_KEY_PASSWORD|APPLE_API_KEY_ID|APPLE_API_ISSUER):/.test(
          text,
        ),
      )) {
      expect(line).toMatch(/\$\{\{ .*secrets\./);
    }
  });
});

describe('the installed app', () => {
  it('reads the development overrides only through the module that ignores them when packaged', () => {
    const readers: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          if (/LEAD_TRIAGE_(USER_DATA|SQLITE_BINDING)/.test(text))
            readers.push(path.slice(ROOT.length + 1));
        }
      }
    };
    walk(join(ROOT, 'src-main'));
    expect(readers).toEqual(['src-main/app/development-overrides.ts']);
  });
});
