/**
 * The end-to-end tests drive the built renderer (out/renderer) through the browser host. Build it
 * here when it is missing or older than its sources, so a test never runs against a stale page.
 *
 * Every test starts a host process of its own. Bundled once here, it starts in half a second on
 * plain Node; compiling the TypeScript sources in each process took seconds of CPU per test. Each
 * run bundles into a folder of its own, so runs side by side never share a file, and removes it
 * when the run ends.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import {
  HOST_BUNDLE_ENV,
  HOST_BUNDLES_DIR,
  HOST_SOURCE,
  RENDERER_DIR,
  WORKER_SOURCE,
  ROOT,
} from './support/paths';

const builtPage = join(RENDERER_DIR, 'index.html');
const sources = [
  join(ROOT, 'src-renderer'),
  join(ROOT, 'src-shared/contract'),
  join(ROOT, 'vite.renderer.config.ts'),
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

async function buildRenderer(): Promise<void> {
  const builtAt = existsSync(builtPage) ? statSync(builtPage).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestChange));
  if (builtAt >= changedAt) return;
  await build({ configFile: join(ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

/**
 * Bundles the host process and the core worker it starts (packages stay imports); returns the
 * bundle's folder. The worker is core-worker.mjs beside host-process.mjs, where the host looks.
 */
async function bundleHost(): Promise<string> {
  mkdirSync(HOST_BUNDLES_DIR, { recursive: true });
  const outDir = mkdtempSync(join(HOST_BUNDLES_DIR, 'run-'));
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
        input: { 'host-process': HOST_SOURCE, 'core-worker': WORKER_SOURCE },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  process.env[HOST_BUNDLE_ENV] = join(outDir, 'host-process.mjs');
  return outDir;
}

export default async function globalSetup(): Promise<() => void> {
  await buildRenderer();
  const bundleDir = await bundleHost();
  return () => rmSync(bundleDir, { recursive: true, force: true });
}
