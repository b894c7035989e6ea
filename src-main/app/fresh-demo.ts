/**
 * "Start demo afresh" (File menu): after the person says yes, the demo's cache and the state of
 * its Envoke are discarded and the demo opens as on its first day. On an account, only the demo's
 * files go; the account is not touched. Written against the few calls it makes, so a test can
 * drive it with fakes.
 */
import { discardDemoFiles } from '../shell-kit/demo-files';

export interface FreshDemoDeps {
  /** The demo's database file. */
  demoPath: string;
  /** Whether the window shows the demo now (rather than an account). */
  showingDemo(): Promise<boolean>;
  /** Asks the person; true means go ahead. */
  confirm(question: { message: string; detail: string }): Promise<boolean>;
  /** Closes the demo's core, runs `discard`, and opens the demo again. */
  reopenDemo(discard: () => void): Promise<void>;
  /** Draws the window again on what is open now. */
  reload(): void;
  discard?: (dbPath: string) => void;
}

export async function startDemoAfresh(deps: FreshDemoDeps): Promise<boolean> {
  const demo = await deps.showingDemo();
  const yes = await deps.confirm({
    message: 'Start the demo afresh?',
    detail: demo
      ? 'Everything done in the demo data is discarded, here and in its Envoke, and the demo starts from its first leads.'
      : 'The demo data starts from its first leads. Your Envoke account is not touched.',
  });
  if (!yes) return false;
  const discard = () => (deps.discard ?? discardDemoFiles)(deps.demoPath);
  if (demo) {
    await deps.reopenDemo(discard);
    deps.reload();
  } else {
    discard();
  }
  return true;
}
