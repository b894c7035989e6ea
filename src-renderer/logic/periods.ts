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
