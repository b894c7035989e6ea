/**
 * `npm run bench:ui`: the triage view in Chromium through the browser host on the 1k, 100k and 1M
 * caches (`--quick`: 1k and 100k): key `j` → next paint, pressed on every size in turns, the
 * calls and bytes of a triage key and its key → paint, and the scripted session at the biggest size with its longest
 * frame. Screenshots and the trace are left in .bench/ui/ to be looked at.
 */
import { buildCache } from './cache';
import { LoadRange } from './load';
import { printRows } from './report';
import { P99_MIN_RUNS } from './timing';
import { measureUi, UI_SHOTS_DIR } from './ui-measure';
import { uiRows } from './ui-rows';

const quick = process.argv.includes('--quick');
const sizes = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];

const load = new LoadRange();
const caches = sizes.map((leads) => buildCache(leads, (line) => console.log(line)));
const figures = await measureUi(caches, {
  presses: quick ? 300 : P99_MIN_RUNS,
  rounds: 3,
  log: (line) => console.log(line),
});
console.log('');
printRows(uiRows(figures));
console.log(
  '"late": presses the first frame after the key did not yet show; the rest of a press is the wait for that frame and for a CPU.',
);
for (const at of figures) {
  if (at.session === null) continue;
  console.log(
    `\nlongest frames and tasks of the session (${at.leads.toLocaleString('en')} leads):`,
  );
  for (const entry of at.session.long.slice(0, 8))
    console.log(
      `  ${entry.type.padEnd(21)} ${entry.duration.toFixed(0).padStart(5)} ms  in ${entry.step}  ${entry.script}`,
    );
  console.log(`trace: ${at.session.tracePath}`);
}
console.log(`screenshots: ${UI_SHOTS_DIR}/`);
// Frame times on a shared 2-core machine depend on what else runs: said beside the figures.
console.log(`load average during the run: ${load.text()}`);
