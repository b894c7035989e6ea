/**
 * The one place the bench knows how the core is reached. Every figure asks for a core by route:
 *
 * - 'app': as the apps run it: the session the shells start, the command gate in front (input
 *   parsed against the contract), the core in its worker thread behind a message port. Loaded from
 *   a bundle built at the start of the run, with the core worker beside it, as the desktop app's
 *   build does; from source, each worker would compile TypeScript as it starts, which no
 *   installed app does and which an open-time figure would count.
 * - 'core': the core alone, on the bench's own thread, input handed straight to its handlers.
 *
 * The browser host the UI figures drive is started from the same bundle (browserHostCommand).
 *
 * When the session, the gate or the worker are restructured, this file (and the bundled
 * app-route-entry.ts and host-entry.ts) is what changes; the figures keep asking for the same
 * two routes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { CommandArgs, CommandOutput, CoreCommandName } from '#contract';
import type { SyncReport, SyncWhat } from '../src-main/core/api';
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import type { AppSession, AppSessionOptions } from './app-route-entry';
import { BENCH_DB_KEY } from './bench-key';
import type { HostEntryOptions } from './host-entry';
import { account } from './simulator-process';

export type CoreRoute = 'app' | 'core';

export const ROUTE_NAMES: Record<CoreRoute, string> = {
  app: 'gate + worker',
  core: 'core alone',
};

export interface BenchCore {
  readonly route: CoreRoute;
  call<N extends CoreCommandName>(name: N, input: CommandArgs<N>): Promise<CommandOutput<N>>;
  close(): Promise<void>;
}

/** The core alone can also be told to sync now (the apps sync in the background). */
export interface CoreAlone extends BenchCore {
  syncOnce(what: SyncWhat): Promise<SyncReport>;
}

export interface RouteOptions {
  /** Envoke's address; by default a closed port, as on a laptop offline (reads need nothing). */
  envokeUrl?: string;
}

const OFFLINE_URL = 'http://127.0.0.1:9';
const ROOT = resolve(import.meta.dirname, '..');

export function openCoreAlone(dbPath: string, options: RouteOptions = {}): CoreAlone {
  const core = createCore({
    dbPath,
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: options.envokeUrl ?? OFFLINE_URL, ...account }),
  });
  return {
    route: 'core',
    call: (name, input) =>
      (core[name] as (input: unknown) => Promise<CommandOutput<typeof name>>)(input),
    syncOnce: (what) => core.syncOnce(what),
    close: () => core.close(),
  };
}

type OpenAppSession = (options: AppSessionOptions) => Promise<AppSession>;
interface Bundle {
  openAppSession: OpenAppSession;
  /** The bundled browser host's entry (host-entry.ts). */
  hostScript: string;
}
let bundled: Promise<Bundle> | null = null;

/**
 * Bundles app-route-entry.ts, the browser host's entry and the core worker once per run, beside
 * the packages they use.
 */
async function bundle(): Promise<Bundle> {
  const folder = join(ROOT, 'node_modules/.cache/lead-triage-bench');
  mkdirSync(folder, { recursive: true });
  const outDir = mkdtempSync(join(folder, 'run-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: {
          'app-route': join(ROOT, 'bench/app-route-entry.ts'),
          'core-worker': join(ROOT, 'src-main/session/core-worker/worker-entry.ts'),
          'browser-host': join(ROOT, 'bench/host-entry.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const entry = (await import(pathToFileURL(join(outDir, 'app-route.mjs')).href)) as {
    openAppSession: OpenAppSession;
  };
  return { openAppSession: entry.openAppSession, hostScript: join(outDir, 'browser-host.mjs') };
}

/**
 * The core as the apps reach it. `coreIn: 'process'` keeps the core on this thread behind the
 * same session and gate (the browser host's `--core process`), for comparison.
 */
export async function openThroughApp(
  dbPath: string,
  options: RouteOptions & { coreIn?: 'worker' | 'process' } = {},
): Promise<BenchCore> {
  bundled ??= bundle();
  const session = await (
    await bundled
  ).openAppSession({
    dbPath,
    dbKey: BENCH_DB_KEY,
    account: { baseUrl: options.envokeUrl ?? OFFLINE_URL, ...account },
    coreIn: options.coreIn ?? 'worker',
  });
  return {
    route: 'app',
    call: (name, input) => session.call(name, input) as Promise<CommandOutput<typeof name>>,
    close: () => session.close(),
  };
}

export function openBenchCore(
  route: CoreRoute,
  dbPath: string,
  options: RouteOptions = {},
): Promise<BenchCore> {
  return route === 'app'
    ? openThroughApp(dbPath, options)
    : Promise.resolve(openCoreAlone(dbPath, options));
}

/** Builds the app route's bundle now, so its time falls on no figure. */
export async function prepareAppRoute(): Promise<void> {
  bundled ??= bundle();
  await bundled;
}

/**
 * How to start the browser host in a process of its own, as `npm run start:browser` runs it but
 * from the bundle: the command line, and the environment (the database key; an installed app's
 * mode, where answers are not checked against the contract).
 */
export async function browserHostCommand(
  options: Omit<HostEntryOptions, 'rendererDir'>,
): Promise<{ args: string[]; env: NodeJS.ProcessEnv }> {
  bundled ??= bundle();
  const { hostScript } = await bundled;
  const entry: HostEntryOptions = { ...options, rendererDir: join(ROOT, 'out/renderer') };
  return {
    args: [hostScript, JSON.stringify(entry)],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LEAD_TRIAGE_DB_KEY: BENCH_DB_KEY.toString('hex'),
    },
  };
}
