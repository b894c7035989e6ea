/**
 * The person's sync scope as an Envoke filter: salespeople and statuses each narrow the pull;
 * several values of one kind are an `$in`. An empty scope pulls every lead.
 */
import type { SyncScope } from '#contract/dto';
import type { Filter } from '../envoke';
import { field, type LeadRecord } from '../tables/lead-record';

function condition(values: readonly string[]): string | { $in: readonly string[] } | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return undefined;
  return distinct.length === 1 ? distinct[0]! : { $in: distinct };
}

export function scopeFilter(scope: SyncScope): Filter {
  const filter: Filter = {};
  const salesperson = condition(scope.salespeople);
  const marketing = condition(scope.marketingStatuses);
  const sales = condition(scope.salesStatuses);
  if (salesperson !== undefined) filter.salesperson = salesperson;
  if (marketing !== undefined) filter.marketing_rating_status = marketing;
  if (sales !== undefined) filter.sales_rating_status = sales;
  return filter;
}

/** A stable key for a scope: a pull interrupted under one scope never resumes under another. */
export function scopeKey(scope: SyncScope): string {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return JSON.stringify([
    sorted(scope.salespeople),
    sorted(scope.marketingStatuses),
    sorted(scope.salesStatuses),
  ]);
}

/** Whether Envoke's copy of a lead falls inside the scope, judged locally like Envoke's filter. */
export function scopeMatches(lead: LeadRecord, scope: SyncScope): boolean {
  const within = (values: readonly string[], value: string) =>
    values.length === 0 || values.includes(value);
  return (
    within(scope.salespeople, field(lead, 'salesperson')) &&
    within(scope.marketingStatuses, field(lead, 'marketing_rating_status')) &&
    within(scope.salesStatuses, field(lead, 'sales_rating_status'))
  );
}
