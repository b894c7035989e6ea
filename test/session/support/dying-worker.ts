/**
 * The real core worker, made to die at a chosen moment of a change (`leads:update`), as a crash
 * would: "after-commit" ends the thread once the change is saved but before its answer leaves;
 * "on-arrival" ends it as the change arrives, before anything is saved. `DB.dying` holds the
 * moment and how many more times ("after-commit:1"); each death counts one down. Used by
 * core-worker-restart.test.ts through a bootstrap that registers tsx first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type {
  FromWorker,
  ToWorker,
  WorkerStart,
} from '../../../src-main/session/core-worker/protocol';

const port = parentPort!;
const planFile = `${(workerData as WorkerStart).dbPath}.dying`;

function dieNow(when: string): boolean {
  let plan: string;
  try {
    plan = readFileSync(planFile, 'utf8').trim();
  } catch {
    return false;
  }
  const [moment, times] = plan.split(':');
  if (moment !== when || Number(times) <= 0) return false;
  writeFileSync(planFile, `${moment}:${Number(times) - 1}`);
  return true;
}

const changes = new Set<number>();
port.on('message', (message: ToWorker) => {
  if (message.type !== 'call' || message.name !== 'leads:update') return;
  changes.add(message.id);
  if (dieNow('on-arrival')) process.exit(1);
});
const post = port.postMessage.bind(port);
port.postMessage = (message: FromWorker) => {
  if (message.type === 'answer' && changes.has(message.id) && dieNow('after-commit'))
    process.exit(1);
  post(message);
};
await import('../../../src-main/session/core-worker/worker-entry');
