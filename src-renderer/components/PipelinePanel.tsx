/**
 * `g p`: Envoke's lifecycle as a funnel — new → passed to sales → rated good → opportunity → sale —
 * for a period (by the time each step was reached) and a salesperson, with the share of the step
 * before and a weekly trend. Drawn as SVG a screen reader can read (a title, a description, a
 * label per bar); meaning never rests on colour alone, and colours come from the theme. Each bar
 * opens its leads as a view.
 */
import { useEffect, useState } from 'react';
import type { Pipeline } from '#contract';
import { errorMessage } from '../controller/errors';
import { readPipeline } from '../controller/pipeline';
import { showTypedQuery } from '../controller/saved-views';
import { formatCount, OVER_100, plural, shareOfPrevious } from '../logic/format';
import { PERIOD_LABELS, periodProblem, periodRange, type PeriodKind } from '../logic/periods';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const WIDTH = 560;
const LABEL_WIDTH = 130;
const BAR_HEIGHT = 30;
const GAP = 12;
const TREND_WIDTH = 110;

const percent = shareOfPrevious;

function Sparkline({
  weekly,
  label,
}: {
  weekly: Pipeline['steps'][number]['weekly'];
  label: string;
}) {
  const max = Math.max(1, ...weekly.map((week) => week.count));
  const step = weekly.length > 1 ? TREND_WIDTH / (weekly.length - 1) : 0;
  const points = weekly.map(
    (week, i) => `${i * step},${BAR_HEIGHT - 4 - (week.count / max) * (BAR_HEIGHT - 8)}`,
  );
  const words = weekly.map((week) => `week of ${week.week}: ${week.count}`).join(', ');
  return (
    <svg
      width={TREND_WIDTH}
      height={BAR_HEIGHT}
      role="img"
      aria-label={`${label}, weekly trend: ${words}`}
      className="sparkline"
    >
      <title>{`${label}, weekly trend`}</title>
      <desc>{words}</desc>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

function Funnel({
  pipeline,
  open,
}: {
  pipeline: Pipeline;
  open(query: string, label: string): void;
}) {
  const max = Math.max(1, ...pipeline.steps.map((step) => step.count));
  const height = pipeline.steps.length * (BAR_HEIGHT + GAP);
  const description = pipeline.steps
    .map(
      (step) =>
        `${step.label}: ${step.count}${step.rate === null ? '' : `, ${percent(step.rate)} of the step before`}`,
    )
    .join('; ');
  return (
    <svg
      className="funnel"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="group"
      aria-labelledby="funnel-title"
      aria-describedby="funnel-desc"
    >
      <title id="funnel-title">{`Pipeline from ${pipeline.from} to ${pipeline.to}`}</title>
      <desc id="funnel-desc">{description}</desc>
      {pipeline.steps.map((step, i) => {
        const barWidth = Math.max(2, ((WIDTH - LABEL_WIDTH - 120) * step.count) / max);
        const y = i * (BAR_HEIGHT + GAP);
        const shown = `${formatCount(step.count)}${step.rate === null ? '' : ` · ${percent(step.rate)}`}`;
        // The name begins with the words on screen ("New 1,228"), then says what they mean.
        const label = `${step.label} ${shown}: ${plural(step.count, 'lead')}${step.rate === null ? '' : `, ${percent(step.rate)} of the step before`}. Open as a view.`;
        return (
          <g
            key={step.id}
            className="funnel-step"
            data-step={step.id}
            data-count={step.count}
            role="button"
            tabIndex={0}
            aria-label={label}
            onClick={() => open(step.query, step.label)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                open(step.query, step.label);
              }
            }}
          >
            {/* Steps differ in place and label; the shade only repeats that, for the eye. */}
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={barWidth}
              height={BAR_HEIGHT}
              rx={3}
              className={`funnel-bar funnel-bar-${i}`}
            />
            {/* One text, label and count with a space between, so it reads "New 1,228" as the
                name does (two texts would read "New1,228"). */}
            <text y={y + BAR_HEIGHT / 2 + 5}>
              <tspan x={0} className="funnel-label">
                {step.label}
              </tspan>{' '}
              <tspan x={LABEL_WIDTH + barWidth + 8} className="funnel-count">
                {shown}
              </tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function PipelinePanel() {
  const [kind, setKind] = useState<PeriodKind>('year');
  const initial = periodRange('year', new Date());
  const [custom, setCustom] = useState(initial);
  const [salesperson, setSalesperson] = useState('');
  const [pipeline, setPipeline] = useState<Pipeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = kind === 'custom' ? custom : periodRange(kind, new Date());
  const problem = kind === 'custom' ? periodProblem(custom) : null;
  // The salespeople the last answer named stay offered while a period is being typed.
  const [salespeople, setSalespeople] = useState<readonly string[]>([]);

  useEffect(() => {
    // A period that cannot be counted clears the bars: old ones must not stand beside the error.
    setPipeline(null);
    if (problem !== null) {
      setError(problem);
      return;
    }
    let current = true;
    readPipeline({
      from: range.from.trim(),
      to: range.to.trim(),
      ...(salesperson ? { salesperson } : {}),
    })
      .then((answer) => {
        if (!current) return;
        setPipeline(answer);
        setSalespeople(answer.salespeople);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorMessage(failure));
      });
    return () => {
      current = false;
    };
  }, [range.from, range.to, salesperson, problem]);

  const open = (query: string, label: string) => {
    useStore.getState().closePanel();
    showTypedQuery(query, label);
  };

  return (
    <Dialog
      title="Pipeline"
      className="pipeline-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          useStore.getState().closePanel();
        }
      }}
    >
      <div className="pipeline-controls">
        <label>
          Period
          <select
            data-autofocus
            value={kind}
            onChange={(event) => setKind(event.target.value as PeriodKind)}
          >
            {(Object.keys(PERIOD_LABELS) as PeriodKind[]).map((value) => (
              <option key={value} value={value}>
                {PERIOD_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'custom' ? (
          <>
            {/* Days as everywhere else in the app (YYYY-MM-DD), not in the locale's order. */}
            <label>
              From
              <input
                type="text"
                className="day-input"
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                aria-invalid={problem?.startsWith('From') || problem?.startsWith('The period')}
                value={custom.from}
                onChange={(event) => setCustom({ ...custom, from: event.target.value })}
              />
            </label>
            <label>
              To
              <input
                type="text"
                className="day-input"
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                aria-invalid={problem?.startsWith('To') || problem?.startsWith('The period')}
                value={custom.to}
                onChange={(event) => setCustom({ ...custom, to: event.target.value })}
              />
            </label>
          </>
        ) : null}
        <label>
          Salesperson
          <select value={salesperson} onChange={(event) => setSalesperson(event.target.value)}>
            <option value="">Everyone</option>
            {salespeople.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error !== null ? (
        <p role="alert" className="query-error">
          {error}
        </p>
      ) : null}
      {pipeline === null && error === null ? <p className="muted">Counting…</p> : null}
      {pipeline ? (
        <>
          <Funnel pipeline={pipeline} open={open} />
          <table className="pipeline-table">
            <caption>Each step, its share of the step before, and its weekly trend</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Leads</th>
                <th scope="col">Of previous</th>
                <th scope="col">Weekly trend</th>
              </tr>
            </thead>
            <tbody>
              {pipeline.steps.map((step) => (
                <tr key={step.id}>
                  <th scope="row">{step.label}</th>
                  <td>{formatCount(step.count)}</td>
                  <td>{percent(step.rate) || '–'}</td>
                  <td>
                    <Sparkline weekly={step.weekly} label={step.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pipeline.steps.some((step) => (step.rate ?? 0) > 1) ? (
            <p className="muted pipeline-note">{OVER_100}</p>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
