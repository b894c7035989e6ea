/**
 * From the command line as a person would: sync an account holding Envoke's own example lead,
 * then find it by a word of what the contact wrote and by its custom field, with `list --query`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src-main/sim';
import { ENVOKE_EXAMPLE_LEAD } from '../support/envoke-example-lead';
import { API_ID, API_KEY, startSim, tempDir } from '../core/helpers';
import { cli } from './cli-process';

const dir = tempDir();
const db = dir.db();
let sim: RunningSimulator;
let exampleId: string;

beforeAll(async () => {
  sim = await startSim({ leads: 300, seed: 5 });
  exampleId = sim.store.seedLead(ENVOKE_EXAMPLE_LEAD).id;
  const run = await cli([
    'sync',
    '--db',
    db,
    '--url',
    sim.url,
    '--api-id',
    API_ID,
    '--api-key',
    API_KEY,
  ]);
  expect(run.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await sim.stop();
  dir.cleanup();
});

async function listed(query: string): Promise<{ envokeId: string }[]> {
  const run = await cli(['list', '--query', query, '--limit', '500', '--db', db]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { envokeId: string }[];
}

describe('list --query over the whole lead', () => {
  it.each([
    'widgets',
    'custom.widget_name:"Gold Deluxe"',
    'said:"contact me immediately"',
    'consent:express interest:"Business Products" unit:"B2B Widgets"',
  ])('%s finds the example lead', async (query) => {
    expect((await listed(query)).map((row) => row.envokeId)).toContain(exampleId);
  });

  it('a wrong custom value or consent finds nothing, or says what is wrong', async () => {
    expect(await listed('custom.widget_name:"Platinum Nowhere"')).toEqual([]);
    const run = await cli(['list', '--query', 'consent:sometimes', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'sometimes' is not a value of consent/);
  });
});
