/**
 * The count of unsent changes kept beside the database (what a lost key would cost) is never
 * lower than the outbox, even when the process is killed right after the person's changes were
 * acknowledged; it comes down as changes are sent, and says it exactly once the core is closed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/create-core';
import { countUnsent, readUnsentNote } from '../../src-main/core/db/unsent-note';
import { clientFor, openCore, openKeyed, startSim, tempDir, TEST_DB_KEY } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function killedAfterEdits(dbPath: string, count: number): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/core/support/edit-then-die.ts', dbPath, String(count)],
    {
      cwd: ROOT,
      env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex') },
      stdio: 'ignore',
    },
  );
  return new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal)));
}

function unsentInFile(dbPath: string): number {
  const db = openKeyed(dbPath, { readonly: true });
  try {
    return countUnsent(db);
  } finally {
    db.close();
  }
}

describe('the unsent-count note', () => {
  it('is never lower than the outbox after a kill right after 20 acknowledged edits', async () => {
    const sim = await startSim({ leads: 60 });
    cleanups.push(() => sim.stop());
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const first = openCore(dir.db(), clientFor(sim));
    await first.syncOnce('pull');
    await first.close();
    expect(readUnsentNote(dir.db())).toBe(0);

    for (const round of [1, 2]) {
      expect(await killedAfterEdits(dir.db(), 20)).toBe('SIGKILL');
      const unsent = unsentInFile(dir.db());
      expect(unsent).toBe(20);
      expect(readUnsentNote(dir.db()), `round ${round}`).toBeGreaterThanOrEqual(unsent);
      // As the person would read it, with the key lost.
      expect(() =>
        createCore({ dbPath: dir.db(), envoke: clientFor(sim), dbKey: Buffer.alloc(32, 1) }),
      ).toThrow('20 changes not yet sent to Envoke would be lost');
    }

    // Sent: the note comes down while the core runs, and is exact once it closes.
    const core = openCore(dir.db(), clientFor(sim));
    await core.syncOnce('push');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readUnsentNote(dir.db())).toBe(0);
    await core['leads:create']({ email: 'late.change@example.com' });
    expect(readUnsentNote(dir.db())).toBe(1);
    await core.close();
    expect(readUnsentNote(dir.db())).toBe(1);
  }, 60_000);
});
