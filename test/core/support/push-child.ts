/**
 * A sync engine of its own on a shared database file, as a second copy of the app (or an older
 * one that knows no cache lock) would run: opens the core, says "ready", waits for "go" on stdin,
 * pushes the outbox once and prints the report. Used by two-engines.test.ts.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../../src-main/core/create-core';
import { createEnvokeClient } from '../../../src-main/core/envoke';

const [dbPath, url, apiId, apiKey] = process.argv.slice(2);
if (!dbPath || !url || !apiId || !apiKey) throw new Error('push-child.ts DB URL API_ID API_KEY');
const core = createCore({
  dbPath,
  envoke: createEnvokeClient({ baseUrl: url, apiId, apiKey, timeoutMs: 10_000 }),
  dbKey: Buffer.from(process.env.LEAD_TRIAGE_DB_KEY ?? '', 'hex'),
  logger: {
    info() {},
    warn() {},
    error: (message, detail) => process.stderr.write(`${message} ${JSON.stringify(detail)}\n`),
  },
});
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    const report = await core.syncOnce('push');
    process.stdout.write(`${JSON.stringify({ pushed: report.pushed, created: report.created })}\n`);
  } finally {
    await core.close();
  }
  break;
}
lines.close();
