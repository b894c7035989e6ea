/** The longest tasks of the scripted session, read from the Chromium trace taken during it. */
import { readFileSync } from 'node:fs';

export interface TracedTasks {
  /** The longest task on a renderer main thread, wall time, ms. */
  longestMs: number;
  /** How much of it the thread was on a CPU: the rest it waited for one (a loaded machine). */
  longestCpuMs: number;
  /** Per step of the session, the task that kept the CPU longest, ms of CPU time. */
  mostCpuMs: Record<string, number>;
}

/** The longest tasks on the renderer main threads of a Chromium trace, per step of the session. */
export function tracedTasks(tracePath: string): TracedTasks {
  const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  // Step boundaries the page marked; before the first mark the page was opening. The trace holds
  // every page of the browser: only the renderer that marked the steps is the session's.
  const marked = events.filter((e) => e.name.startsWith('step:') && e.ts !== undefined);
  const sessionPids = new Set(marked.map((e) => e.pid));
  const marks = marked
    .map((e) => ({ ts: e.ts, step: e.name.slice('step:'.length) }))
    .sort((a, b) => a.ts - b.ts);
  const mainThreads = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === 'CrRendererMain' &&
          (sessionPids.size === 0 || sessionPids.has(e.pid)),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const stepAt = (ts: number) => marks.findLast((mark) => mark.ts <= ts)?.step ?? 'open';
  const found: TracedTasks = { longestMs: 0, longestCpuMs: 0, mostCpuMs: {} };
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const wall = (e.dur ?? 0) / 1000;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (wall > found.longestMs) Object.assign(found, { longestMs: wall, longestCpuMs: cpu });
    const step = stepAt(e.ts);
    found.mostCpuMs[step] = Math.max(found.mostCpuMs[step] ?? 0, cpu);
  }
  return found;
}

interface TraceEvent {
  ph: string;
  name: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread (CPU) time of the event, when the trace recorded it. */
  tdur?: number;
  args?: { name?: string };
}
