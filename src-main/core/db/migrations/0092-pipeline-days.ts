/**
 * How many leads reached each pipeline step on each day, per salesperson, kept exact in the same
 * transaction as every write of a lead, so the pipeline of any period reads a few hundred rows
 * instead of every lead of the period (a quarter was 9 ms at 100,000 leads and grew with them).
 * Updates and deletes adjust it by trigger; inserts are added once per transaction by LeadTable
 * with INSERTED_STEPS_SQL, like the view counts (0090).
 *
 * The steps repeat views/pipeline.ts as it is at this step: each step's condition and the day of
 * its time column. A day is the first ten characters of the time; a period's [from, to] is then
 * exactly the leads with from <= time < the day after to, as the step's query compares them.
 */
import type { Migration } from './migration';

/** Each step with its condition and time column, `$` standing for the row. */
const STEPS: { step: string; when: string; time: string }[] = [
  { step: 'new', when: '1', time: '$.sort_key' },
  {
    step: 'passed',
    when: "$.marketing_rating_status = 'Passed to sales'",
    time: '$.marketing_time',
  },
  { step: 'rated-good', when: "$.sales_rating_status = 'Rated good'", time: '$.sales_time' },
  { step: 'opportunity', when: "$.opportunity = 'Yes'", time: '$.opportunity_time' },
  { step: 'sale', when: "$.sale = 'Yes'", time: '$.sale_time' },
];

/** The (step, day, salesperson) rows of one lead in a trigger, `row` being NEW or OLD. */
function stepsOf(row: 'NEW' | 'OLD'): string {
  return STEPS.map(
    ({ step, when, time }) =>
      `SELECT '${step}' AS step, substr(${time.replace('$', row)}, 1, 10) AS day,
              ${row}.salesperson AS salesperson WHERE ${when.replaceAll('$', row)}`,
  ).join(' UNION ALL ');
}

/** The (step, day, salesperson) rows of the leads that meet `which`. */
function stepsOfLeads(which: string): string {
  return STEPS.map(
    ({ step, when, time }) =>
      `SELECT '${step}' AS step, substr(${time.replace('$.', '')}, 1, 10) AS day, salesperson
       FROM leads WHERE ${when.replaceAll('$.', '')} AND ${which}`,
  ).join(' UNION ALL ');
}

const ADD = 'ON CONFLICT (step, day, salesperson) DO UPDATE SET count = count + excluded.count';

/** The step rows of the leads whose ids are in the JSON array @ids, counted. */
export const INSERTED_STEPS_SQL = `
  INSERT INTO pipeline_days (step, day, salesperson, count)
  SELECT step, day, salesperson, count(*)
  FROM (${stepsOfLeads('id IN (SELECT value FROM json_each(@ids))')})
  GROUP BY step, day, salesperson
  ${ADD}`;

export const migration0092: Migration = {
  version: 92,
  name: 'pipeline steps counted per day and salesperson',
  up(db) {
    db.exec(`
      CREATE TABLE pipeline_days (
        step TEXT NOT NULL,
        day TEXT NOT NULL,
        salesperson TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (step, day, salesperson)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO pipeline_days (step, day, salesperson, count)
      SELECT step, day, salesperson, count(*)
      FROM (${stepsOfLeads('1')})
      GROUP BY step, day, salesperson;

      CREATE TRIGGER pipeline_days_on_delete AFTER DELETE ON leads BEGIN
        UPDATE pipeline_days SET count = count - 1
        WHERE (step, day, salesperson) IN (${stepsOf('OLD')});
      END;

      -- The columns a step or its day is computed from; the times live in the JSON copies.
      CREATE TRIGGER pipeline_days_on_update
      AFTER UPDATE OF sort_key, salesperson, marketing_rating_status, sales_rating_status,
        opportunity, sale, local_json, server_json
      ON leads
      WHEN OLD.sort_key IS NOT NEW.sort_key OR OLD.salesperson IS NOT NEW.salesperson
        OR OLD.marketing_rating_status IS NOT NEW.marketing_rating_status
        OR OLD.sales_rating_status IS NOT NEW.sales_rating_status
        OR OLD.opportunity IS NOT NEW.opportunity OR OLD.sale IS NOT NEW.sale
        OR OLD.marketing_time IS NOT NEW.marketing_time OR OLD.sales_time IS NOT NEW.sales_time
        OR OLD.opportunity_time IS NOT NEW.opportunity_time OR OLD.sale_time IS NOT NEW.sale_time
      BEGIN
        UPDATE pipeline_days SET count = count - 1
        WHERE (step, day, salesperson) IN (${stepsOf('OLD')});
        INSERT INTO pipeline_days (step, day, salesperson, count)
        SELECT step, day, salesperson, 1 FROM (${stepsOf('NEW')}) WHERE 1
        ${ADD};
      END;
    `);
  },
};
