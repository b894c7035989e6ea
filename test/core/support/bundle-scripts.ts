/**
 * Bundles scripts a test runs many times in processes of its own into plain JavaScript, as the
 * end-to-end setup does for the host: each process then starts in a fraction of a second instead
 * of compiling the TypeScript sources again. Kept under node_modules so better-sqlite3 and zod
 * resolve as they do from the sources. Resolves with each entry's file and a cleanup.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUNDLES_DIR = join(ROOT, 'node_modules/.cache/lead-triage-test-scripts');

export async function bundleScripts<K extends string>(
  entries: Record<K, string>,
): Promise<{ files: Record<K, string>; cleanup(): void }> {
  mkdirSync(BUNDLES_DIR, { recursive: true });
  const outDir = mkdtempSync(join(BUNDLES_DIR, 'run-'));
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
        input: Object.fromEntries(
          Object.entries<string>(entries).map(([name, path]) => [name, join(ROOT, path)]),
        ),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const files = Object.fromEntries(
    Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)]),
  ) as Record<K, string>;
  return { files, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}
