/**
 * The pipeline picture: how many leads reached each step of Envoke's lifecycle in a period (by the
 * time each step was reached), the share of the step before, and a weekly trend. Each step is a
 * lead query whose leads are counted per day as they are written (pipeline-days.ts), so a bar's
 * count is always the number of leads its view shows, read at the same cost at any cache size.
 */
import type { CommandArgs, CommandOutput, PipelineStepId } from '#contract/commands';
import { printValue } from '#contract/lead-query';
import type { PipelineDays } from './pipeline-days';
import { nextDay } from './date-term-sql';
import type { DATE_COLUMNS } from './query-columns';

const STEPS: {
  id: PipelineStepId;
  label: string;
  filter: string;
  time: keyof typeof DATE_COLUMNS;
}[] = [
  { id: 'new', label: 'New', filter: '', time: 'created' },
  {
    id: 'passed',
    label: 'Passed to sales',
    filter: 'status:"Passed to sales"',
    time: 'marketing-time',
  },
  {
    id: 'rated-good',
    label: 'Rated good',
    filter: 'sales-status:"Rated good"',
    time: 'sales-time',
  },
  { id: 'opportunity', label: 'Opportunity', filter: 'opportunity:Yes', time: 'opportunity-time' },
  { id: 'sale', label: 'Sale', filter: 'sale:Yes', time: 'sale-time' },
];

/** A trend longer than this shows its last weeks only. */
const TREND_WEEKS = 13;

/** Monday of the week of `date` (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Weeks touching [from, to], each clipped to the period, the last TREND_WEEKS of them. */
export function weeksOf(from: string, to: string): { week: string; from: string; to: string }[] {
  const weeks = [];
  for (let start = weekStart(from); start <= to; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    weeks.push({ week: start, from: start < from ? from : start, to: end > to ? to : end });
  }
  return weeks.slice(-TREND_WEEKS);
}

export function stepQuery(
  step: (typeof STEPS)[number],
  from: string,
  to: string,
  salesperson?: string,
): string {
  return [
    step.filter,
    `${step.time}:${from}..${to}`,
    salesperson ? `salesperson:=${printValue(salesperson)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function pipeline(
  days: PipelineDays,
  input: CommandArgs<'pipeline:get'>,
): CommandOutput<'pipeline:get'> {
  // nextDay only checks that the dates are real ones; the range itself is inclusive.
  nextDay(input.to);
  const weeks = weeksOf(input.from, input.to);
  let previous: number | null = null;
  const steps = STEPS.map((step) => {
    const query = stepQuery(step, input.from, input.to, input.salesperson);
    // The step's leads in the period per day, from the counts kept per day (tables/kept-counts.ts,
    // whose steps repeat STEPS); the count and the weeks add them up.
    const byDay = days.byDay(step.id, input.from, input.to, input.salesperson);
    let count = 0;
    for (const n of byDay.values()) count += n;
    const rate = previous === null || previous === 0 ? null : count / previous;
    previous = count;
    const weekly = weeks.map((week) => {
      let inWeek = 0;
      for (const [day, n] of byDay) if (day >= week.from && day <= week.to) inWeek += n;
      return { week: week.week, count: inWeek };
    });
    return { id: step.id, label: step.label, count, rate, query, weekly };
  });
  const salespeople = days.salespeople();
  return { from: input.from, to: input.to, steps, salespeople };
}
