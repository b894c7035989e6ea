/**
 * The API key travels in every request's Authorization header, so the Envoke address is https://
 * except to this computer itself (the simulator): one rule, in the contract, for the settings
 * form, the browser host, the CLI and the core's client.
 */
import { describe, expect, it } from 'vitest';
import { AccountSchema, clearTextProblem, describeIssues, isLoopbackHost } from '#contract';
import { createEnvokeClient } from '../../src-main/core/envoke';

const WHY =
  'Lead Triage sends the API key with every request, and over plain http:// anyone on the network between this computer and Envoke could read it. Plain http:// is only for this computer itself, as with the simulator.';

describe('where the API key may go', () => {
  it('knows the addresses that never leave this computer', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '[::1]', '::1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      'e1.envoke.com',
      '10.0.0.5',
      '192.168.1.2',
      '127.0.0.1.nip.io',
      'localhost.example',
      '[::2]',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses plain http to any other host, naming it and saying why', () => {
    expect(clearTextProblem('http://e1.envoke.com')).toBe(
      `Use an https:// address for e1.envoke.com: ${WHY}`,
    );
    expect(clearTextProblem(' HTTP://Envoke.Example:8080/v1 ')).toBe(
      `Use an https:// address for envoke.example:8080: ${WHY}`,
    );
    expect(clearTextProblem('http://192.168.1.20:8787')).toMatch(
      /^Use an https:\/\/ address for 192\.168\.1\.20:8787: /,
    );
    for (const fine of [
      'https://e1.envoke.com',
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787',
      'not an address',
    ])
      expect(clearTextProblem(fine), fine).toBeNull();
  });

  it('is part of the account every host accepts', () => {
    const refused = AccountSchema.safeParse({ baseUrl: 'http://e1.envoke.com', apiId: 'acme' });
    expect(refused.success).toBe(false);
    expect(describeIssues(refused.error!.issues)).toBe(
      `Use an https:// address for e1.envoke.com: ${WHY}`,
    );
    expect(AccountSchema.parse({ baseUrl: 'http://127.0.0.1:8787', apiId: 'acme' }).baseUrl).toBe(
      'http://127.0.0.1:8787',
    );
    expect(AccountSchema.parse({ baseUrl: 'https://e1.envoke.com', apiId: 'acme' }).baseUrl).toBe(
      'https://e1.envoke.com',
    );
  });

  it('is kept by the core’s Envoke client, whoever makes it', () => {
    expect(() =>
      createEnvokeClient({ baseUrl: 'http://envoke.invalid', apiId: 'acme', apiKey: 'k' }),
    ).toThrow(`Use an https:// address for envoke.invalid: ${WHY}`);
    expect(() =>
      createEnvokeClient({ baseUrl: 'http://127.0.0.1:9', apiId: 'acme', apiKey: 'k' }),
    ).not.toThrow();
  });
});
