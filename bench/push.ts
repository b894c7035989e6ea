/**
 * Pushing queued changes: 2,000 leads changed in one action, then one push, against a simulator
 * answering after a fixed latency; beside the floor, a plain loop of the same PATCHes, one after
 * the other. The ratio is the loop's time over the push's (1x: as fast as the loop).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import { BENCH_DB_KEY } from './bench-key';
import { account, basicAuth, startSimulatorProcess } from './simulator-process';

export interface PushFigures {
  changes: number;
  pushSeconds: number;
  loopSeconds: number;
}

export async function measurePush(changes: number, latencyMs: number): Promise<PushFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-push-'));
  const { url, child } = await startSimulatorProcess(changes * 2, ['--latency', String(latencyMs)]);
  const core = createCore({
    dbPath: join(dir, 'push.db'),
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: url, ...account }),
  });
  try {
    await core.syncOnce('pull');
    const leads: { id: number; envokeId: string | null }[] = [];
    let page = await core['leads:list']({ view: 'all', limit: 500 });
    leads.push(...page.rows);
    while (page.next !== null) {
      page = await core['leads:list']({ view: 'all', limit: 500, after: page.next });
      leads.push(...page.rows);
    }
    const mine = leads.slice(0, changes).map((lead) => lead.id);
    const envokeIds = leads.slice(changes, changes * 2).map((lead) => lead.envokeId!);
    // A note no lead has yet, so every lead changes.
    const patch = { marketing_rating_note: 'Called, wants a demo next week' };
    const { changed } = await core['leads:update']({ ids: mine, patch });
    if (changed !== changes) throw new Error(`${changed} leads changed, not ${changes}`);
    let started = performance.now();
    const report = await core.syncOnce('push');
    const pushSeconds = (performance.now() - started) / 1000;
    if (report.pushed !== changes)
      throw new Error(`the push sent ${report.pushed} changes, not ${changes}`);

    // The loop changes the other half of the leads, so it too changes something each time.
    started = performance.now();
    for (const envokeId of envokeIds) {
      const response = await fetch(`${url}/v1/leads/${envokeId}`, {
        method: 'PATCH',
        headers: { authorization: basicAuth, 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`PATCH answered ${response.status}`);
    }
    const loopSeconds = (performance.now() - started) / 1000;
    return { changes, pushSeconds, loopSeconds };
  } finally {
    await core.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
