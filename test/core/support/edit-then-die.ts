/**
 * Makes N acknowledged edits (one per cached lead, each its own outbox row) and is SIGKILLed the
 * moment the last one is acknowledged: nothing after the answer gets to run, as when the laptop's
 * battery dies or the app is killed. Used by unsent-note.test.ts.
 */
import { createCore } from '../../../src-main/core/create-core';
import { createEnvokeClient } from '../../../src-main/core/envoke';
import { behindGate } from '../helpers';

const [dbPath, count] = process.argv.slice(2);
if (!dbPath || !count) throw new Error('edit-then-die.ts DB COUNT');
const core = behindGate(
  createCore({
    dbPath,
    envoke: createEnvokeClient({ baseUrl: 'http://127.0.0.1:9', apiId: 'a', apiKey: 'b' }),
    dbKey: Buffer.from(process.env.LEAD_TRIAGE_DB_KEY ?? '', 'hex'),
  }),
);
const { ids } = await core['leads:ids']({ view: 'all' });
for (const id of ids.slice(0, Number(count))) {
  await core['leads:update']({ ids: [id], patch: { sales_rating_note: `acknowledged ${id}` } });
}
process.kill(process.pid, 'SIGKILL');
