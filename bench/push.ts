/**
 * Pushing queued changes: N leads each changed by a key of its own (N changes in the outbox, one
 * per lead, as a person triaging one lead after another leaves them), then one push, against a
 * simulator answering after a fixed latency; beside the floor, a plain loop of N PATCHes, one
 * after the other, to N other leads. In turns over the rounds, each round with a note of its
 * own, so every PATCH changes something. The ratio is the loop's time over the push's (1x: as
 * fast as the loop).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCoreAlone } from './app-core';
import type { BenchContext } from './context';
import { interleaveRuns } from './interleave';
import { LOADED_AT, waitForLoad } from './load';
import { median } from './measure';
import type { Row } from './report';
import { basicAuth, startSimulatorProcess } from './simulator-process';
import { ratioText, verdict } from './timing';

export const PUSH_GOAL = 0.8;
const LATENCY_MS = 5;

export async function measurePush(ctx: BenchContext): Promise<Row[]> {
  const changes = ctx.quick ? 200 : 2_000;
  const count = changes.toLocaleString('en');
  ctx.log(`push of ${count} queued changes on ${count} leads, simulator latency ${LATENCY_MS} ms…`);
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-push-'));
  const { url, child } = await startSimulatorProcess(changes * 2, [
    '--latency',
    String(LATENCY_MS),
  ]);
  const core = openCoreAlone(join(dir, 'push.db'), { envokeUrl: url });
  try {
    await core.syncOnce('pull');
    const leads: { id: number; envokeId: string | null }[] = [];
    let page = await core.call('leads:list', { view: 'all', limit: 500 });
    leads.push(...page.rows);
    while (page.next !== null) {
      page = await core.call('leads:list', { view: 'all', limit: 500, after: page.next });
      leads.push(...page.rows);
    }
    const mine = leads.slice(0, changes).map((lead) => lead.id);
    const theirs = leads.slice(changes, changes * 2).map((lead) => lead.envokeId!);
    const note = (round: number) => ({ marketing_rating_note: `Called, demo booked (${round})` });

    const push = async (round: number): Promise<number> => {
      for (const id of mine) await core.call('leads:update', { ids: [id], patch: note(round) });
      const started = performance.now();
      const report = await core.syncOnce('push');
      const seconds = (performance.now() - started) / 1000;
      if (report.pushed !== changes)
        throw new Error(`the push sent ${report.pushed} changes, not ${changes}`);
      return seconds;
    };
    const loop = async (round: number): Promise<number> => {
      const body = JSON.stringify(note(round));
      const started = performance.now();
      for (const envokeId of theirs) {
        const response = await fetch(`${url}/v1/leads/${envokeId}`, {
          method: 'PATCH',
          headers: { authorization: basicAuth, 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`PATCH answered ${response.status}`);
      }
      return (performance.now() - started) / 1000;
    };

    if (ctx.loaded) await waitForLoad(LOADED_AT, 120_000, ctx.log);
    const { results, load } = await interleaveRuns([push, loop], ctx.rounds, (round, [p, l]) =>
      ctx.log(`  push round ${round + 1}: push ${p!.toFixed(2)} s, PATCH loop ${l!.toFixed(2)} s`),
    );
    const [pushSeconds, loopSeconds] = results.map(median) as [number, number];
    const ratio = loopSeconds / pushSeconds;
    const loadedEnough = load.min >= LOADED_AT;
    return [
      {
        figure: `push of ${count} queued changes (${count} leads), ${LATENCY_MS} ms${ctx.loaded ? ', under load' : ''}`,
        project: `${pushSeconds.toFixed(2)} s (median of ${results[0]!.length})`,
        baseline: `PATCH loop: ${loopSeconds.toFixed(2)} s`,
        ratio: ratioText(ratio),
        goal: ctx.loaded
          ? `≥ ${PUSH_GOAL}x at load ≥ ${LOADED_AT}${loadedEnough ? '' : ' (load fell below: not judged)'}`
          : `≥ ${PUSH_GOAL}x (loop time / push time)`,
        met: ctx.loaded && !loadedEnough ? null : verdict(ratio, (r) => r >= PUSH_GOAL),
        load: load.text(),
      },
    ];
  } finally {
    await core.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
