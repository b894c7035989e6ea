/**
 * Leads that reached a pipeline step, per day, read from the counts kept in pipeline_days
 * (tables/kept-counts.ts) rather than from the leads: the pipeline of a quarter reads a few hundred
 * rows however many leads the cache holds. The days of [from, to] are exactly the leads whose
 * step time t has from <= t < the day after to, which is how the step's own query compares
 * them, so each bar's count is the number of leads its view lists.
 */
import type Database from 'better-sqlite3';
import type { PipelineStepId } from '#contract/commands';
import { nextDay } from './date-term-sql';

/** Salespeople the panel offers to narrow it to, as completion offers ten values. */
const SALESPEOPLE_SHOWN = 10;

export class PipelineDays {
  private readonly all: Database.Statement<[string, string, string]>;
  private readonly ofSalesperson: Database.Statement<[string, string, string, string]>;
  private readonly busiest: Database.Statement<[], string>;

  constructor(db: Database.Database) {
    const select = `SELECT day, sum(count) AS n FROM pipeline_days
      WHERE step = ? AND day >= ? AND day < ?`;
    this.all = db.prepare(`${select} GROUP BY day`);
    // The same comparison as the query language's salesperson:= (text-term-sql.ts).
    this.ofSalesperson = db.prepare(`${select} AND salesperson = ? COLLATE NOCASE GROUP BY day`);
    // Every lead is in the 'new' step once: its rows add up to each salesperson's leads.
    this.busiest = db
      .prepare<[], string>(
        `SELECT salesperson FROM pipeline_days WHERE step = 'new' AND salesperson <> ''
         GROUP BY salesperson HAVING sum(count) > 0
         ORDER BY sum(count) DESC, salesperson LIMIT ${SALESPEOPLE_SHOWN}`,
      )
      .pluck();
  }

  /** The salespeople with the most leads, most first (those completion would offer). */
  salespeople(): string[] {
    return this.busiest.all();
  }

  /** Leads that reached `step` on each day of [from, to], of one salesperson if given. */
  byDay(step: PipelineStepId, from: string, to: string, salesperson?: string): Map<string, number> {
    const until = nextDay(to);
    const rows = (
      salesperson
        ? this.ofSalesperson.all(step, from, until, salesperson)
        : this.all.all(step, from, until)
    ) as { day: string; n: number }[];
    return new Map(rows.map((row) => [row.day, row.n]));
  }
}
