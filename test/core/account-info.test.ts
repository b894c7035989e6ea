import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { createEnvokeClient } from '../../src-main/core/envoke';
import { json, startScriptedServer, wireLead, type Script } from '../envoke/scripted-server';
import { clientFor, openCore, startSim, tempDir } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function coreOn(baseUrl: string): Promise<Core> {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const core = openCore(dir.db(), createEnvokeClient({ baseUrl, apiId: 'a', apiKey: 'b' }));
  cleanups.push(() => core.close());
  return core;
}

/** Envoke with two leads; `account` answers every other path. */
async function envokeWith(account: Script): Promise<string> {
  const server = await startScriptedServer((request, response) => {
    const url = new URL(request.url, 'http://envoke.invalid');
    if (url.pathname === '/v1/leads')
      return json(
        response,
        200,
        url.searchParams.get('skip') === '0' ? [wireLead(1), wireLead(2)] : [],
      );
    account(request, response);
  });
  cleanups.push(() => server.stop());
  return server.url;
}

describe("the account's name and custom field definitions", () => {
  it('are read after a full pull and kept: labels from description, types from field_type', async () => {
    const sim = await startSim({ leads: 20, accountName: 'Widgets Inc.' });
    cleanups.push(() => sim.stop());
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const envoke = clientFor(sim);
    const core = openCore(dir.db(), envoke);
    cleanups.push(() => core.close());
    expect(await core['envoke:account']({})).toEqual({ name: null, customFields: [] });

    await core.syncOnce('pull');
    const account = await core['envoke:account']({});
    expect(account.name).toBe('Widgets Inc.');
    expect(account.customFields).toEqual(
      expect.arrayContaining([
        { name: 'widget_name', label: 'Widget of interest', type: 'text' },
        { name: 'first_purchase_date', label: 'First purchase', type: 'date' },
        { name: 'order_portal', label: 'Order portal', type: 'url' },
        { name: 'visit_notes', label: 'Notes from the visit', type: 'note' },
      ]),
    );
    // After the leads: the pull's own requests come first.
    const paths = envoke.requests.map((request) => request.url.split('?')[0]);
    expect(paths.indexOf('/v1/settings')).toBeGreaterThan(paths.lastIndexOf('/v1/leads'));
    // Once per full pull; a quick pull does not ask again.
    envoke.requests.length = 0;
    await core.syncOnce('new');
    expect(envoke.requests.some((request) => request.url.startsWith('/v1/settings'))).toBe(false);
  });

  it('a 404 for settings and a 401 for custom fields leave the name unknown and the keys as labels; the pull succeeds', async () => {
    const url = await envokeWith((request, response) =>
      request.url.startsWith('/v1/settings')
        ? json(response, 404, { success: false, result_text: 'Not found', result_data: [] })
        : json(response, 401, { success: false, result_text: 'Unauthorized', result_data: [] }),
    );
    const core = await coreOn(url);
    await expect(core.syncOnce('pull')).resolves.toMatchObject({ pulled: 2 });
    expect(await core['envoke:account']({})).toEqual({ name: null, customFields: [] });
    expect((await core['sync:status']({})).state).toBe('idle');
  });

  it('falls back to /v1/customfields (names only) when /v2 is not served', async () => {
    const url = await envokeWith((request, response) => {
      if (request.url.startsWith('/v1/customfields'))
        return json(response, 200, { '1': 'widget_name', '2': 'region' });
      if (request.url.startsWith('/v1/settings'))
        return json(response, 200, { name: 'Old Envoke' });
      json(response, 404, { success: false, result_text: 'Not found', result_data: [] });
    });
    const core = await coreOn(url);
    await core.syncOnce('pull');
    expect(await core['envoke:account']({})).toEqual({
      name: 'Old Envoke',
      customFields: [
        { name: 'widget_name', label: 'widget_name', type: 'text' },
        { name: 'region', label: 'region', type: 'text' },
      ],
    });
  });

  it('reads odd shapes without failing: an envelope, {key, label}, unknown types, junk entries', async () => {
    const url = await envokeWith((request, response) => {
      if (request.url.startsWith('/v1/settings'))
        return json(response, 200, {
          success: true,
          result_text: '',
          result_data: { name: ' Envoke\u0007 Co ' },
        });
      json(response, 200, {
        success: true,
        result_text: '',
        result_data: [
          { key: 'field_1', label: 'Label for Custom Field' },
          { name: 'rank', description: '', field_type: 'number' },
          { id: '9' },
          'plain_name',
          null,
        ],
      });
    });
    const core = await coreOn(url);
    await core.syncOnce('pull');
    expect(await core['envoke:account']({})).toEqual({
      name: 'Envoke Co',
      customFields: [
        { name: 'field_1', label: 'Label for Custom Field', type: 'text' },
        { name: 'rank', label: 'rank', type: 'text' },
        { name: 'plain_name', label: 'plain_name', type: 'text' },
      ],
    });
  });

  it('keeps what it read before when Envoke fails to answer them (5xx)', async () => {
    let failing = false;
    const url = await envokeWith((request, response) => {
      if (failing) return json(response, 503, {});
      if (request.url.startsWith('/v1/settings')) return json(response, 200, { name: 'Acme' });
      json(response, 200, [
        { id: '1', name: 'widget_name', description: 'Widget', field_type: 'text' },
      ]);
    });
    const core = await coreOn(url);
    await core.syncOnce('pull');
    failing = true;
    await expect(core.syncOnce('pull')).resolves.toMatchObject({ pulled: 2 });
    expect(await core['envoke:account']({})).toEqual({
      name: 'Acme',
      customFields: [{ name: 'widget_name', label: 'Widget', type: 'text' }],
    });
  });
});
