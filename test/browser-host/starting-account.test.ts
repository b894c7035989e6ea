/** A browser host started with a wrong account says what is wrong as the settings form does. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSchema, describeIssues } from '#contract';
import { startBrowserHost } from '../../src-main/browser-host/browser-host';

let dir: string;
let rendererDir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-account-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lead Triage</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the starting account', () => {
  it('is refused in the same sentences the settings form shows, before anything opens', async () => {
    const account = { baseUrl: 'e1.envoke', apiId: ' ', apiKey: 'key' };
    const parsed = AccountSchema.safeParse(account);
    expect(parsed.success).toBe(false);
    const sentences = describeIssues(parsed.error!.issues);
    expect(sentences).toBe(
      'Enter the Envoke address as a web address, such as https://e1.envoke.com. Enter the API ID.',
    );
    await expect(
      startBrowserHost({
        port: 0,
        dbPath: join(dir, 'leads.db'),
        account,
        rendererDir,
        logger: { info() {}, warn() {}, error() {} },
      }),
    ).rejects.toThrow(sentences);
  });
});
