/**
 * Boots the triage window in steps, each in a task and a frame of its own, so the page keeps
 * answering while it opens: React, then the schema library with the lead's schemas, then the rest
 * of the contract, then the window itself. Evaluated as one bundle, this held the page for one
 * ~50 ms task, most of it building the contract's schemas; in steps the longest is the first
 * render.
 */

/** Where frames are not drawn (a window not shown yet), a step waits this long at most. */
const UNDRAWN_WAIT_MS = 50;

/**
 * Resolves in a task after the page's next frame, so each step starts a frame of its own: steps
 * run back to back would count as one long frame even though each task is short.
 */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const fallback = window.setTimeout(resolve, UNDRAWN_WAIT_MS);
    window.requestAnimationFrame(() => {
      window.clearTimeout(fallback);
      window.setTimeout(resolve, 0);
    });
  });

async function bootInSteps(): Promise<void> {
  await import('react-dom/client');
  await afterNextFrame();
  await import('#contract/lead');
  await afterNextFrame();
  await import('#contract');
  await afterNextFrame();
  const { boot } = await import('./boot');
  boot();
}

bootInSteps().catch((error: unknown) => {
  // Nothing of the window could be drawn: a sentence on the page instead of a blank window.
  const root = document.getElementById('root');
  if (!root) return;
  const reason = error instanceof Error ? error.message : String(error);
  root.textContent = `Lead Triage could not load its window (${reason}). Reload the window to try again.`;
});
