/**
 * The end-to-end tests drive the built renderer (out/renderer) through the browser host. Build it
 * here when it is missing or older than its sources, so a test never runs against a stale page.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const builtPage = join(root, 'out/renderer/index.html');
const sources = [
  join(root, 'src-renderer'),
  join(root, 'src-preload/contract'),
  join(root, 'vite.renderer.config.ts'),
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

export default async function globalSetup(): Promise<void> {
  const builtAt = existsSync(builtPage) ? statSync(builtPage).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestChange));
  if (builtAt >= changedAt) return;
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}
