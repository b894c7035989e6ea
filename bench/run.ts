/**
 * `npm run bench`: every figure of the scale table, project beside baseline in the same run,
 * medians and p99, goal beside each. Caches of 1k, 100k and 1M leads are built once through the
 * store's pull path and reused from .bench/. `npm run bench -- --quick` stays at 1k and 100k.
 * Prints figures; asserts nothing (these machines are noisy).
 */
import { statSync } from 'node:fs';
import { buildCache, type BenchCache } from './cache';
import { median } from './measure';
import { measurePush } from './push';
import { measureReads, SEARCHES, type ReadFigures } from './reads';
import { printRows, type Row } from './report';
import { measureSavedViews, type SavedViewFigures } from './saved-views';
import { measureHostStall } from './host-stall';
import { leadTermRows, measureLeadTerms } from './lead-terms';
import { measureSync } from './sync';
import { measureThreadStall } from './thread-stall';
import { timingText } from './timing';
import { measureUi, uiRows } from './ui-measure';
import { measureUpdate } from './update';

const quick = process.argv.includes('--quick');
const sizes = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
const count = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);

function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(`${path}${suffix}`).size;
    } catch {
      // No log file: nothing to add.
    }
  }
  return total;
}

function readRows(small: ReadFigures, big: ReadFigures, cache: BenchCache): Row[] {
  const at = count(big.leads);
  const rows: Row[] = [];
  const windowRatio = big.window.p99 / small.window.p99;
  rows.push({
    figure: `list window of 50 (leads:rows) p99, ${at} vs 1k`,
    project: timingText(big.window),
    baseline: `1k: ${timingText(small.window)}`,
    ratio: `${windowRatio.toFixed(2)}x`,
    goal: '≤ 2x and < 5 ms',
    met: windowRatio <= 2 && big.window.p99 < 5,
  });
  for (const text of SEARCHES) {
    const figures = big.search[text]!;
    rows.push({
      figure: `search "${text}" first 50 (${figures.hits.toLocaleString('en')} hits), ${at}`,
      project: timingText(figures.project),
      baseline: `bare FTS5: ${timingText(figures.fts)}`,
      ratio: `${(figures.project.p99 / figures.fts.p99).toFixed(1)}x`,
      goal: 'p99 < 10 ms',
      met: figures.project.p99 < 10,
    });
  }
  rows.push({
    figure: `whole-view ids (leads:ids, CLI/tests only), ${at}`,
    project: timingText(big.ids),
    baseline: `1k: ${timingText(small.ids)}`,
    ratio: `${(big.ids.p99 / small.ids.p99).toFixed(1)}x`,
    goal: 'not called by the renderer',
    met: null,
  });
  rows.push({
    figure: `1,000 ids by keyset (leads:id-page), ${at}`,
    project: timingText(big.idPage),
    baseline: `1k: ${timingText(small.idPage)}`,
    ratio: `${(big.idPage.p99 / small.idPage.p99).toFixed(1)}x`,
    goal: 'p99 < 5 ms',
    met: big.idPage.p99 < 5,
  });
  rows.push({
    figure: `position among 1,000 held (leads:position), ${at}`,
    project: timingText(big.position),
    baseline: `1k: ${timingText(small.position)}`,
    ratio: `${(big.position.p99 / small.position.p99).toFixed(1)}x`,
    goal: 'p99 < 5 ms',
    met: big.position.p99 < 5,
  });
  rows.push({
    figure: `view counts (leads:counts), ${at}`,
    project: timingText(big.counts),
    baseline: `1k: ${timingText(small.counts)}`,
    ratio: `${(big.counts.p99 / small.counts.p99).toFixed(1)}x`,
    goal: 'p99 < 5 ms',
    met: big.counts.p99 < 5,
  });
  const size = fileBytes(cache.path);
  rows.push({
    figure: `database size, ${at}`,
    project: `${(size / 2 ** 20).toFixed(0)} MB (${(size / big.leads / 1024).toFixed(2)} KB a lead)`,
    baseline: `leads' JSON: ${(cache.jsonBytes / 2 ** 20).toFixed(0)} MB`,
    ratio: `${(size / cache.jsonBytes).toFixed(2)}x`,
    goal: '≤ 1.5x the JSON',
    met: size / cache.jsonBytes <= 1.5,
  });
  return rows;
}

function savedViewRows(figures: SavedViewFigures): Row[] {
  const at = count(figures.leads);
  return [
    {
      figure: `saved-view window (query:id-page + rows), ${at}`,
      project: timingText(figures.window),
      baseline: '',
      ratio: '',
      goal: 'p99 < 16 ms',
      met: figures.window.p99 < 16,
    },
    {
      figure: `saved-view counts, 4 views capped, ${at}`,
      project: timingText(figures.counts),
      baseline: '',
      ratio: '',
      goal: 'asked at most every 3 s',
      met: null,
    },
    {
      figure: `pipeline computation, a quarter, ${at}`,
      project: timingText(figures.pipeline),
      baseline: '',
      ratio: '',
      goal: 'p99 < 16 ms',
      met: figures.pipeline.p99 < 16,
    },
  ];
}

async function main(): Promise<void> {
  const caches = sizes.map((leads) => {
    const started = performance.now();
    const cache = buildCache(leads, (line) => console.log(line));
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 1) console.log(`built ${cache.path} in ${seconds.toFixed(0)} s`);
    return cache;
  });
  const rows: Row[] = [];
  const reads: ReadFigures[] = [];
  for (const cache of caches) {
    console.log(`reading the ${count(cache.leads)} cache…`);
    reads.push(await measureReads(cache, quick));
  }
  for (let i = 1; i < caches.length; i += 1)
    rows.push(...readRows(reads[0]!, reads[i]!, caches[i]!));
  for (const cache of caches) {
    console.log(`saved views and the pipeline on the ${count(cache.leads)} cache…`);
    rows.push(...savedViewRows(await measureSavedViews(cache, quick)));
  }

  const biggest = caches[caches.length - 1]!;
  console.log(`the whole lead's query terms on the ${count(biggest.leads)} cache…`);
  rows.push(...leadTermRows(await measureLeadTerms(biggest, quick)));

  console.log('triage updates on a copy of the 100k cache…');
  const update = await measureUpdate(caches[1]!, quick ? 150 : 400);
  const updateRatio = update.project.p99 / update.raw.p99;
  rows.push({
    figure: 'triage update, one lead, durable, p99, 100k',
    project: timingText(update.project),
    baseline: `raw UPDATE txn: ${timingText(update.raw)}`,
    ratio: `${updateRatio.toFixed(2)}x`,
    goal: '≤ 2x',
    met: updateRatio <= 2,
  });

  const pushChanges = quick ? 500 : 2_000;
  console.log(`push of ${pushChanges.toLocaleString('en')} changes, simulator latency 5 ms…`);
  const push = await measurePush(pushChanges, 5);
  const pushRatio = push.loopSeconds / push.pushSeconds;
  rows.push({
    figure: `push of ${pushChanges.toLocaleString('en')} changes, latency 5 ms`,
    project: `${push.pushSeconds.toFixed(2)} s`,
    baseline: `PATCH loop: ${push.loopSeconds.toFixed(2)} s`,
    ratio: `${pushRatio.toFixed(2)}x`,
    goal: '≥ 0.8x (loop time / push time)',
    met: pushRatio >= 0.8,
  });

  rows.push(...uiRows(await measureUi(caches, (line) => console.log(line))));

  const syncLeads = Number(process.env.BENCH_SYNC_LEADS ?? 100_000);
  console.log(`full sync of ${count(syncLeads)} leads…`);
  const sync = await measureSync(syncLeads, quick ? 1 : 3);
  rows.push({
    figure: `full sync, ${count(syncLeads)}, vs raw fetch+insert`,
    project: `${Math.round(median(sync.sync.map((r) => r.leadsPerSecond)))} leads/s`,
    baseline: `raw: ${Math.round(median(sync.raw.map((r) => r.leadsPerSecond)))} leads/s`,
    ratio: `${sync.ratio.toFixed(2)}x`,
    goal: '≥ 1.2x throughput',
    met: sync.ratio >= 1.2,
  });

  console.log(`the serving thread during a ${count(syncLeads)} sync, core in its worker and on the thread…`);
  const threads = await measureThreadStall(syncLeads);
  rows.push({
    figure: `serving thread's worst stall, ${count(syncLeads)} sync`,
    project: `core in worker: ${threads.worker.worstStallMs.toFixed(0)} ms`,
    baseline: `core's own: ${threads.process.worstStallMs.toFixed(0)} ms`,
    ratio: `${(threads.worker.worstStallMs / threads.process.worstStallMs).toFixed(2)}x`,
    goal: 'the core never stalls the window',
    met: null,
  });

  const hostLeads = quick ? 100_000 : 300_000;
  console.log(`the browser host's page during a ${count(hostLeads)} first sync with searches and counts…`);
  const inWorker = await measureHostStall(hostLeads, 'worker');
  const onThread = await measureHostStall(hostLeads, 'process');
  const pageText = (page: { p50: number; p99: number }, commands: number) =>
    `p50 ${page.p50.toFixed(1)} / p99 ${page.p99.toFixed(0)} ms (${commands} commands)`;
  rows.push({
    figure: `GET / during first sync + searches, ${count(hostLeads)}`,
    project: pageText(inWorker.page, inWorker.commands),
    baseline: `core on thread: ${pageText(onThread.page, onThread.commands)}`,
    ratio: `${(inWorker.page.p99 / onThread.page.p99).toFixed(2)}x`,
    goal: 'p99 ≤ 50 ms',
    met: inWorker.page.p99 <= 50,
  });

  console.log('');
  printRows(rows);
}

await main();
