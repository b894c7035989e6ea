/** The CLI's `undo` and `redo` print what came back, in the app's words. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { parseCliArgs, type CliArgs } from '../../src-main/cli/args';
import { runCommand } from '../../src-main/cli/run-command';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir, unreachableClient } from '../core/helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;

beforeEach(async () => {
  dir = tempDir();
  sim = await startSim({ leads: 20 });
  const puller = openCore(dir.db(), clientFor(sim));
  await puller.syncOnce('pull');
  await puller.close();
  await sim.stop();
  core = openCore(dir.db(), unreachableClient());
});
afterEach(async () => {
  await core.close();
  dir.cleanup();
});

const run = (...argv: string[]) =>
  runCommand(core, parseCliArgs([...argv, '--db', dir.db()], {}) as CliArgs, () => undefined);

it('undo and redo say which values came back', async () => {
  const [id] = (await core['leads:ids']({ view: 'all' })).ids;
  await run('set', `#${id!}`, 'sales_rating_note=');
  await run('set', `#${id!}`, 'sales_rating_note=Called Jane about the quote');
  expect(await run('undo')).toEqual({ label: 'Undone: sales note cleared', leadIds: [id] });
  expect(await run('redo')).toEqual({
    label: 'Redone: sales note set to “Called Jane about the quote”',
    leadIds: [id],
  });
});
