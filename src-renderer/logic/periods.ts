/** The pipeline's periods as inclusive day ranges (YYYY-MM-DD), from a given "today". */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  week: 'This week',
  month: 'This month',
  quarter: 'This quarter',
  year: 'Last 12 months',
  custom: 'Custom',
};

export function dayOf(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

export function periodRange(
  kind: Exclude<PeriodKind, 'custom'>,
  today: Date,
): { from: string; to: string } {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  if (kind === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  else if (kind === 'month') start.setDate(1);
  else if (kind === 'quarter') start.setMonth(Math.floor(start.getMonth() / 3) * 3, 1);
  else start.setFullYear(start.getFullYear() - 1);
  return { from: dayOf(start), to: dayOf(today) };
}

/** A day as the rest of the app writes it (YYYY-MM-DD), checked; null when it is one. */
function dayProblem(label: string, day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  const valid =
    match !== null &&
    dayOf(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) === day.trim();
  return valid ? null : `${label}: write the day as YYYY-MM-DD, such as 2026-09-01.`;
}

/** What is wrong with a custom period, before asking the core: null when it can be counted. */
export function periodProblem(range: { from: string; to: string }): string | null {
  const problem = dayProblem('From', range.from) ?? dayProblem('To', range.to);
  if (problem) return problem;
  return range.from.trim() > range.to.trim()
    ? 'The period ends before it starts: make From the earlier day.'
    : null;
}
