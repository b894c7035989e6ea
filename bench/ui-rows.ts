/** The rows `npm run bench` and `npm run bench:ui` print of the triage view in Chromium. */
import { sizeName } from './context';
import type { Row } from './report';
import { ms, ratioText, timingText, verdict } from './timing';
import { keyTrafficRows } from './ui-key-traffic';
import type { UiFigures } from './ui-measure';
import type { LongEntry } from './ui-session';

const PAINT_GOAL_MS = 16;
export const LONG_FRAME_GOAL_MS = 50;

function longestOf(long: readonly LongEntry[], type: LongEntry['type'], skipOpen: boolean) {
  return long.find((entry) => entry.type === type && (!skipOpen || entry.step !== 'open'));
}

/** The rows `npm run bench` and `npm run bench:ui` print. */
export function uiRows(figures: readonly UiFigures[]): Row[] {
  const small = figures[0]!;
  const rows: Row[] = [];
  for (const at of figures) {
    const ratio = at.nextPaint.p99 / small.nextPaint.p99;
    const biggest = at === figures[figures.length - 1] && at !== small;
    rows.push({
      figure: `key j → next paint p99 (Chromium), ${sizeName(at.leads)}`,
      project:
        timingText(at.nextPaint) +
        ` ${at.lateFrames} late` +
        (at.missed > 0 ? ` ${at.missed} missed` : ''),
      baseline:
        at === small
          ? `opened in ${ms(at.openMs)}`
          : `1k: ${timingText(small.nextPaint)}, opened in ${ms(at.openMs)}`,
      ratio: at === small ? '' : ratioText(ratio),
      goal: biggest ? `≤ ${PAINT_GOAL_MS} ms and ≤ 1.2x 1k` : 'figure for the ratio',
      met: biggest ? verdict(ratio, (r) => at.nextPaint.p99 <= PAINT_GOAL_MS && r <= 1.2) : null,
      load: at.load,
    });
  }
  for (const at of figures) {
    if (at.session === null) continue;
    const { long, traced } = at.session;
    const frame = longestOf(long, 'long-animation-frame', false);
    const afterOpen = longestOf(long, 'long-animation-frame', true);
    const describe = (entry: LongEntry | undefined) =>
      entry ? `${ms(entry.duration)} (${entry.step})` : 'none > 50 ms';
    rows.push({
      figure: `session ${sizeName(at.leads)}: longest frame, all steps`,
      project: describe(frame),
      baseline: `trace: task ${ms(traced.longestMs)} (${ms(traced.longestCpuMs)} CPU)`,
      ratio: '',
      goal: `no frame > ${LONG_FRAME_GOAL_MS} ms`,
      met: frame === undefined && traced.longestMs <= LONG_FRAME_GOAL_MS,
      load: at.session.load,
    });
    const mostCpu = Object.entries(traced.mostCpuMs);
    const afterOpenCpu = Math.max(
      0,
      ...mostCpu.filter(([step]) => step !== 'open').map(([, cpu]) => cpu),
    );
    rows.push({
      figure: `session ${sizeName(at.leads)}: most CPU in a task after open`,
      project: ms(afterOpenCpu),
      baseline: mostCpu.map(([step, cpu]) => `${step} ${ms(cpu)}`).join(', '),
      ratio: '',
      goal: `≤ ${LONG_FRAME_GOAL_MS} ms (longer frames waited for a CPU)`,
      met: afterOpenCpu <= LONG_FRAME_GOAL_MS,
      load: at.session.load,
    });
    rows.push({
      figure: `session ${sizeName(at.leads)}: longest frame after open`,
      project: describe(afterOpen),
      baseline: at.session.steps
        .filter((step) => Number.isFinite(step.ms))
        .map((step) => `${step.name} ${ms(step.ms)}`)
        .join(', '),
      ratio: '',
      goal: `no frame > ${LONG_FRAME_GOAL_MS} ms`,
      met: afterOpen === undefined,
      load: at.session.load,
    });
  }
  for (const at of figures)
    if (at.keyTraffic !== null) rows.push(...keyTrafficRows(at.keyTraffic, sizeName(at.leads)));
  return rows;
}
