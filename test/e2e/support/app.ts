/**
 * One Lead Triage per test: the browser host in its own process with a temp database and its demo
 * simulator, plus the page helpers the specs share. Everything the tests do to the app goes
 * through the keyboard; the simulator is touched directly only to play Envoke's side.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { JournalEntry, SimLead } from '../../../src-main/sim';
import { HOST_BUNDLE_ENV, RENDERER_DIR } from './paths';
import type { FaultRequest, SimReply, SimRequest } from './sim-messages';

export const SCREENSHOTS = 'test-results/screenshots';
const START_TIMEOUT_MS = 30_000;

/** Envoke's side of the demo: the simulator inside the host process. */
export interface Envoke {
  lead(id: string): Promise<SimLead | null>;
  /** A change made by a colleague in Envoke's own UI. */
  edit(id: string, patch: Record<string, unknown>): Promise<SimLead>;
  insert(body: Record<string, unknown>): Promise<SimLead>;
  /** Envoke unreachable: every connection is reset. */
  setOffline(offline: boolean): Promise<void>;
  /** Envoke answers the next matching request with this fault (a 400 refusal, a 503 ...). */
  fault(fault: FaultRequest): Promise<void>;
  journal(): Promise<JournalEntry[]>;
}

export interface TestApp {
  url: string;
  envoke: Envoke;
  /** Ends the host's core worker thread, as a crash would (the host starts a new one). */
  crashCore(): Promise<void>;
  stop(): Promise<void>;
}

function connect(child: ChildProcess): {
  ready: Promise<string>;
  ask(request: SimRequest): Promise<unknown>;
} {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let seq = 0;
  let started: { resolve(url: string): void; reject(error: Error): void } | null = null;
  const ready = new Promise<string>((resolveReady, rejectReady) => {
    started = { resolve: resolveReady, reject: rejectReady };
  });
  child.on('message', (reply: SimReply) => {
    if (reply.seq === 0) {
      if (reply.ok) started?.resolve(String(reply.value));
      return;
    }
    const pending = waiting.get(reply.seq);
    waiting.delete(reply.seq);
    if (reply.ok) pending?.resolve(reply.value);
    else pending?.reject(new Error(reply.message));
  });
  child.on('exit', (code) => {
    const error = new Error(`The host process ended (exit code ${String(code)})`);
    started?.reject(error);
    for (const pending of waiting.values()) pending.reject(error);
  });
  return {
    ready,
    ask(request) {
      const id = ++seq;
      return new Promise((resolveAnswer, reject) => {
        waiting.set(id, { resolve: resolveAnswer, reject });
        child.send({ ...request, seq: id });
      });
    },
  };
}

/**
 * Starts a host. With `dir`, it opens the database already in that folder (a restart) and leaves
 * the folder for its owner to remove.
 */
export async function startApp(leads = 150, dir?: string): Promise<TestApp & { dir: string }> {
  const hostScript = process.env[HOST_BUNDLE_ENV];
  if (!hostScript)
    throw new Error(
      `${HOST_BUNDLE_ENV} is not set: the host is bundled by test/e2e/global-setup.ts`,
    );
  const owned = dir === undefined;
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'lead-triage-e2e-'));
  const child = fork(hostScript, [join(folder, 'demo.db'), String(leads), RENDERER_DIR], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { ready, ask } = connect(child);
  const timer = setTimeout(() => child.kill(), START_TIMEOUT_MS);
  const url = await ready.finally(() => clearTimeout(timer));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url,
    dir: folder,
    envoke: {
      lead: async (id) => (await ask({ op: 'lead', id })) as SimLead | null,
      edit: async (id, patch) => (await ask({ op: 'edit', id, patch })) as SimLead,
      insert: async (body) => (await ask({ op: 'insert', body })) as SimLead,
      setOffline: async (offline) => void (await ask({ op: 'offline', offline })),
      fault: async (fault) => void (await ask({ op: 'fault', fault })),
      journal: async () => (await ask({ op: 'journal' })) as JournalEntry[],
    },
    crashCore: async () => void (await ask({ op: 'crash-core' })),
    async stop() {
      child.disconnect();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      if (owned) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * The apps of one worker. Starting one takes seconds (a process, a database, the demo's first
 * sync), so a test takes an app started while the test before it ran, and hands its own back to
 * stop in the background. The worker waits for every stop before it ends.
 */
class AppPool {
  private spare: Promise<TestApp> | null = null;
  private readonly stopping: Promise<void>[] = [];

  take(): Promise<TestApp> {
    const taken = this.spare ?? startApp();
    this.spare = null;
    return taken;
  }

  /** Starts the next test's app, unless one is on its way. */
  prepare(): void {
    if (this.spare) return;
    this.spare = startApp();
    // A spare that fails to start is reported to the test that takes it.
    this.spare.catch(() => undefined);
  }

  give(app: TestApp): void {
    this.stopping.push(app.stop());
  }

  async close(): Promise<void> {
    const spare = this.spare;
    this.spare = null;
    if (spare)
      this.stopping.push(
        spare.then(
          (app) => app.stop(),
          () => undefined,
        ),
      );
    await Promise.all(this.stopping);
  }
}

/** `test` with a fresh app (host, database, simulator) per test. */
export const test = base.extend<{ app: TestApp }, { appPool: AppPool }>({
  appPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this pattern.
    async ({}, use) => {
      const pool = new AppPool();
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ appPool, page }, use) => {
    const app = await appPool.take();
    // The next app starts once this page has loaded, so the two starts do not compete.
    page.once('load', () => appPool.prepare());
    await use(app);
    appPool.give(app);
  },
});

export const statusBar = (page: Page): Locator => page.getByRole('status');
export const leadList = (page: Page): Locator => page.getByRole('listbox', { name: /^Leads/ });
export const currentLead = (page: Page): Locator =>
  leadList(page).locator('[role=option][aria-selected=true]');

/** Opens the app and waits for the first sync's leads on screen. */
export async function openApp(page: Page, app: TestApp): Promise<void> {
  await page.goto(app.url);
  await expect(leadList(page).getByRole('option').first()).toBeVisible();
  // "Online · … synced just now": the first pull is complete (not "Syncing", not "not synced yet").
  await expect(statusBar(page)).toContainText(/^Online\W.*(?<!not )synced/, { timeout: 20_000 });
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', /\d+/);
}

/** "N pending" in the status bar, and not "1N pending". */
export async function expectPending(page: Page, n: number, timeout?: number): Promise<void> {
  await expect(statusBar(page)).toContainText(new RegExp(`(^|\\D)${n} pending`), { timeout });
}

/** The Envoke id of the lead the keyboard is on. */
export async function currentEnvokeId(page: Page): Promise<string> {
  // Rows arrive by window: after a long jump the row is drawn before its data is in.
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', /\d+/);
  const id = await currentLead(page).getAttribute('data-envoke-id');
  if (!id) throw new Error('The current lead has no Envoke id');
  return id;
}

/** Presses keys one after another, as a person would. */
export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Journal entries that wrote to one lead. */
export async function writesTo(app: TestApp, envokeId: string): Promise<JournalEntry[]> {
  return (await app.envoke.journal()).filter((entry) => entry.leadId === envokeId);
}

/** The rating a rating key sets in the active stage, as the key legend shows it ("h Warm"). */
export async function ratingOnKey(page: Page, key: string): Promise<string> {
  const item = page
    .locator('.key-legend .legend-item')
    .filter({ has: page.locator(`kbd:text-is("${key}")`) });
  const text = (await item.textContent()) ?? '';
  return text.slice(text.indexOf(key) + key.length).trim();
}
