/**
 * What the UI benchmark installs in the page before the app's own scripts (as plain JavaScript:
 * the bench is typechecked without the DOM's types).
 *
 * - `__leadTriageProbe.armNextPaint()` waits for the next keydown, then for the first frame in
 *   which the selected row has moved, and resolves with the time from the key event to just after
 *   that frame was painted (a message posted from requestAnimationFrame runs after the paint),
 *   and how many frames that took (1: the very next frame showed it).
 * - Every long task and long animation frame (over 50 ms) is kept with the step it fell in
 *   (`__leadTriageProbe.step(name)` names the step that starts now).
 */
export const PAGE_PROBE = String.raw`
(() => {
  const selectedRow = () =>
    document.querySelector('[role=listbox] [role=option][aria-selected=true]')?.getAttribute('aria-posinset') ?? null;
  const afterPaint = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(0);
  };
  const probe = {
    step: 'open',
    long: [],
    setStep(name) {
      this.step = name;
      // The same boundary in the trace (blink.user_timing), to put its tasks in their steps.
      performance.mark('step:' + name);
    },
    armNextPaint() {
      const before = selectedRow();
      this.pending = new Promise((resolve) => {
        const onKey = (event) => {
          window.removeEventListener('keydown', onKey, true);
          const start = event.timeStamp;
          let frames = 0;
          const frame = () => {
            frames += 1;
            if (selectedRow() !== before) afterPaint(() => resolve({ ms: performance.now() - start, frames }));
            else if (frames > 600) resolve({ ms: -1, frames });
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        };
        window.addEventListener('keydown', onKey, true);
      });
    },
  };
  window.__leadTriageProbe = probe;
  for (const type of ['longtask', 'long-animation-frame']) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          probe.long.push({
            type,
            step: probe.step,
            start: entry.startTime,
            duration: entry.duration,
            // Where a long frame spent its time: the longest script it ran, by what called it.
            script: (entry.scripts ?? [])
              .slice()
              .sort((a, b) => b.duration - a.duration)
              .slice(0, 1)
              .map((s) => s.invoker + ' ' + Math.round(s.duration) + ' ms')
              .join(''),
          });
      }).observe({ type, buffered: true });
    } catch {
      // An entry type this Chromium does not know: the trace still has every task.
    }
  }
})();
`;
