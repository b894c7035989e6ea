// The app:// scheme's request → response logic on a real renderer folder, under Node: the page
// and its assets come with the renderer's CSP, and nothing outside the folder can be reached.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_PAGE_URL,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
} from '../../src-main/app/app-protocol';
import { isAppUrl } from '../../src-main/app/web-security';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell-kit/csp';

let root: string;
let renderer: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lead-triage-app-scheme-'));
  renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Lead Triage</title>');
  writeFileSync(join(renderer, 'assets', 'index-1.js'), 'console.log(1)');
  writeFileSync(join(renderer, '.env'), 'SECRET=1');
  // Beside the renderer, as out/main and out/preload are: never served.
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') =>
  appProtocolResponse(new Request(url, { method }), renderer);

describe('app:// responses', () => {
  it('serves the page and its assets with the renderer CSP', async () => {
    const page = await get(APP_PAGE_URL.href);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Lead Triage</title>');

    const script = await get('app://lead-triage/assets/index-1.js?v=2#x');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://lead-triage/')).status).toBe(200);
    const head = await get('app://lead-triage/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['an encoded parent folder', 'app://lead-triage/%2e%2e/secret.txt'],
    ['encoded separators', 'app://lead-triage/assets%2F..%2F..%2Fsecret.txt'],
    ['a backslash', 'app://lead-triage/assets%5C..%5C..%5Csecret.txt'],
    ['a dotfile', 'app://lead-triage/.env'],
    ['a NUL byte', 'app://lead-triage/index.html%00.js'],
    ['a missing file', 'app://lead-triage/nothing.js'],
    ['a folder', 'app://lead-triage/assets'],
    ['another host', 'app://elsewhere/index.html'],
    ['a broken escape', 'app://lead-triage/%E0%A4%A'],
  ])('refuses %s with 404', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });

  it('a plain parent folder never leaves the renderer folder either', async () => {
    // The URL parser folds `..` away before the handler sees it: what is left is looked up inside.
    const response = await get('app://lead-triage/assets/../../secret.txt');
    expect(response.status).toBe(404);
  });

  it('answers only reads', async () => {
    expect((await get(APP_PAGE_URL.href, 'POST')).status).toBe(405);
    expect((await get(APP_PAGE_URL.href, 'DELETE')).status).toBe(405);
  });

  it('is a standard, secure scheme that keeps the CSP, and the page is the only place to navigate', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
    });
    expect(isAppUrl('app://lead-triage/index.html#/lead/3', APP_PAGE_URL)).toBe(true);
    expect(isAppUrl('app://lead-triage/assets/index-1.js', APP_PAGE_URL)).toBe(false);
    expect(isAppUrl('app://other/index.html', APP_PAGE_URL)).toBe(false);
    expect(isAppUrl('file:///opt/lead-triage/out/renderer/index.html', APP_PAGE_URL)).toBe(false);
    expect(isAppUrl('https://lead-triage/index.html', APP_PAGE_URL)).toBe(false);
  });
});
