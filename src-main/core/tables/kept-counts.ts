/**
 * The counts kept with every write of a lead, so reading them costs the same at a million leads
 * as at ten: `view_counts` (leads per sidebar view) and `pipeline_days` (leads that reached each
 * pipeline step, per day and salesperson). Updates and deletes keep them by trigger, one lead at a
 * time; the leads a transaction inserts are added up once, before it commits
 * (inserted-counts.ts), since a trigger per inserted row was half the time of a pull's page. The
 * triggers (created by the schema's baseline) and the statement for inserted leads are built here
 * from one list of views and one of steps, so the two can never count differently.
 *
 * The conditions match reads/view-filters.ts (the sidebar's lists), view-membership.ts (inserted
 * leads, in JavaScript) and reads/pipeline.ts; the view-counts property test compares the kept
 * counts with count(*) of each view after every kind of write.
 */

/** Each view's condition with `$` for the row (NEW or OLD). */
const VIEWS: Record<string, string> = {
  all: '1',
  'marketing-unprocessed': "$.marketing_rating_status IN ('Unprocessed', '')",
  'passed-to-sales': "$.marketing_rating_status = 'Passed to sales'",
  // Sales: new, every lead sales has not processed: Unprocessed, or passed on with the sales
  // status still Not applicable (or none), as Envoke leaves it when marketing passes a lead.
  'sales-unprocessed':
    "($.sales_rating_status = 'Unprocessed' OR ($.marketing_rating_status = 'Passed to sales' AND $.sales_rating_status IN ('Not applicable', '')))",
  opportunities: "$.opportunity = 'Yes'",
  won: "$.sale = 'Yes'",
  pending: "$.sync_state = 'pending'",
  failed: "$.sync_state = 'failed'",
  conflicts: "$.sync_state = 'conflict'",
};

/** The views whose leads are counted, each with a row in view_counts. */
export const COUNTED_VIEWS = Object.keys(VIEWS);

const inView = (row: 'NEW' | 'OLD', view: string) => `(${VIEWS[view]!.replaceAll('$', row)})`;

/** An UPDATE of the counts by `delta(view)`, touching only the views whose count moves. */
function adjustViews(delta: (view: string) => string): string {
  const deltas = COUNTED_VIEWS.map(
    (view) => `SELECT '${view}' AS view, ${delta(view)} AS delta`,
  ).join(' UNION ALL ');
  return `UPDATE view_counts SET count = count + d.delta
    FROM (${deltas}) AS d WHERE view_counts.view = d.view AND d.delta <> 0;`;
}

/**
 * Each pipeline step with its condition and the time it was reached, `$` standing for the row. A
 * day is the first ten characters of the time; a period's [from, to] is then exactly the leads
 * with from <= time < the day after to, as the step's query compares them.
 */
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

const ADD_STEPS =
  'ON CONFLICT (step, day, salesperson) DO UPDATE SET count = count + excluded.count';

/** The step rows of the leads whose ids are in the JSON array @ids, counted (inserted-counts.ts). */
export const INSERTED_STEPS_SQL = `
  INSERT INTO pipeline_days (step, day, salesperson, count)
  SELECT step, day, salesperson, count(*)
  FROM (${stepsOfLeads('id IN (SELECT value FROM json_each(@ids))')})
  GROUP BY step, day, salesperson
  ${ADD_STEPS}`;

/** The triggers that keep both counts through every update and delete of a lead. */
export const KEPT_COUNT_TRIGGERS = `
  CREATE TRIGGER view_counts_on_delete AFTER DELETE ON leads BEGIN
    ${adjustViews((view) => `-${inView('OLD', view)}`)}
  END;

  -- Only writes naming a column some view reads fire this; a write that names them without
  -- moving a lead between views (most triage keys) updates no count.
  CREATE TRIGGER view_counts_on_update
  AFTER UPDATE OF marketing_rating_status, sales_rating_status, opportunity, sale, sync_state
  ON leads BEGIN
    ${adjustViews((view) => `${inView('NEW', view)} - ${inView('OLD', view)}`)}
  END;

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
    ${ADD_STEPS};
  END;
`;
