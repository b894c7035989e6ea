/**
 * Boots the triage window in steps, each its own task, so the page keeps answering while it
 * opens: React, then the schema library with the lead's schemas, then the rest of the contract,
 * then the window itself. Evaluated as one bundle, this held the page for one ~50 ms task, most of
 * it building the contract's schemas; in steps the longest is the first render.
 */
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

async function bootInSteps(): Promise<void> {
  await import('react-dom/client');
  await nextTask();
  await import('#contract/lead');
  await nextTask();
  await import('#contract');
  await nextTask();
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
