/** The printed table: one row per figure of the issue, project beside baseline, goal beside both. */
export interface Row {
  figure: string;
  project: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}

export function printRows(rows: readonly Row[]): void {
  const widths = { figure: 44, project: 34, baseline: 34, ratio: 10 };
  const line = (r: Omit<Row, 'met'> & { met: string }) =>
    [
      r.figure.padEnd(widths.figure),
      r.project.padEnd(widths.project),
      r.baseline.padEnd(widths.baseline),
      r.ratio.padEnd(widths.ratio),
      `${r.met} ${r.goal}`,
    ].join(' ');
  console.log(
    line({
      figure: 'figure',
      project: 'lead triage',
      baseline: 'baseline',
      ratio: 'ratio',
      goal: 'goal',
      met: ' ',
    }),
  );
  for (const row of rows) {
    const met = row.met === null ? '?' : row.met ? '✓' : '✗';
    console.log(line({ ...row, met }));
  }
}
