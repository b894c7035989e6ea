/** Where the end-to-end tests find the built renderer and the host process they start. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const HOST_SOURCE = join(ROOT, 'test/e2e/support/host-process.ts');
export const WORKER_SOURCE = join(ROOT, 'src-main/session/core-worker/worker-entry.ts');
/**
 * Global setup bundles the host process into one file and names it here for the workers. Kept
 * under node_modules so its packages (better-sqlite3, zod) resolve as they do from the sources.
 */
export const HOST_BUNDLE_ENV = 'LEAD_TRIAGE_E2E_HOST';
export const HOST_BUNDLES_DIR = join(ROOT, 'node_modules/.cache/lead-triage-e2e');
