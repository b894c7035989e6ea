/**
 * A CPU profile of one piece of work in this process, and where its time went: each function's
 * share with what it calls (inclusive) and on its own (self). The samples are V8's, taken through
 * the inspector, so native SQLite time shows under the statement's `run` or `all`.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  inclusive: Share[];
  self: Share[];
}

function frameName(node: ProfileNode): string {
  const file = node.callFrame.url.split('/').pop() ?? '';
  return `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
}

export function summarize(profile: Profile, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of sampled) {
    total += micros;
    const leaf = frameName(byId.get(id)!);
    self.set(leaf, (self.get(leaf) ?? 0) + micros);
    // A recursive function counts once per sample.
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = frameName(byId.get(at)!);
      if (counted.has(name)) continue;
      counted.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const shares = (map: Map<string, number>): Share[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: micros / 1000, percent: (100 * micros) / total }));
  return { totalMs: total / 1000, inclusive: shares(inclusive), self: shares(self) };
}

/** Runs `work` under the profiler; the raw profile goes to `savePath` for Chrome's DevTools. */
export async function profile(work: () => Promise<void>, savePath: string): Promise<Profile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await work();
    const { profile: taken } = await session.post('Profiler.stop');
    writeFileSync(savePath, JSON.stringify(taken));
    return taken as unknown as Profile;
  } finally {
    session.disconnect();
  }
}

export function printSummary(summary: ProfileSummary, log: (line: string) => void): void {
  const line = (share: Share) =>
    `${share.ms.toFixed(0).padStart(8)} ms ${share.percent.toFixed(1).padStart(5)}%  ${share.name}`;
  log(`${summary.totalMs.toFixed(0)} ms sampled`);
  log('with what they call:');
  summary.inclusive.forEach((share) => log(line(share)));
  log('on their own:');
  summary.self.forEach((share) => log(line(share)));
}
