/**
 * The printed table: one row per figure, the project beside its baseline, the ratio, the goal
 * and whether it was met, and the machine's one-minute load while the figure was taken.
 */
export interface Row {
  figure: string;
  project: string;
  baseline: string;
  ratio: string;
  goal: string;
  /** null: a figure without a goal, or one whose goal could not be judged (said in `goal`). */
  met: boolean | null;
  /** The one-minute load average (lowest–highest) while the figure was taken. */
  load: string;
  /** What does not fit the row (a breakdown), printed under the table. */
  note?: string;
}

const WIDTHS = { figure: 66, project: 40, baseline: 46, ratio: 7, load: 9 };

export function printRows(rows: readonly Row[], options: { legend?: boolean } = {}): void {
  const line = (r: Omit<Row, 'met'> & { met: string }) =>
    [
      r.figure.padEnd(WIDTHS.figure),
      r.project.padEnd(WIDTHS.project),
      r.baseline.padEnd(WIDTHS.baseline),
      r.ratio.padEnd(WIDTHS.ratio),
      r.load.padEnd(WIDTHS.load),
      `${r.met} ${r.goal}`,
    ].join(' ');
  console.log(
    line({
      figure: 'figure',
      project: 'lead triage',
      baseline: 'baseline',
      ratio: 'ratio',
      load: 'load',
      goal: 'goal',
      met: ' ',
    }),
  );
  for (const row of rows) {
    const met = row.met === null ? '?' : row.met ? '✓' : '✗';
    console.log(line({ ...row, met }));
  }
  if (options.legend !== false)
    console.log(
      '✓ met, ✗ not met, ? no goal or not judged (a p99 needs 1,000 samples; "–" where fewer were taken)',
    );
  for (const row of rows) if (row.note !== undefined) console.log(`${row.figure}: ${row.note}`);
}
