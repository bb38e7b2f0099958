// What the browser benchmarks share: how they poll, how they see the first chart, medians.
import type { Page } from '@playwright/test';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `window.nextTask()`: the next task, without the 4 ms clamp of setTimeout (how timings poll). */
export async function installNextTask(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { nextTask: () => Promise<void> }).nextTask = () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
  });
}

/** Sets `window.firstChart` to the time the app's pass-rate canvas is first drawn. */
export async function watchFirstChart(page: Page) {
  await page.addInitScript(() => {
    const watcher = new MutationObserver(() => {
      const canvas = document.querySelector('[data-testid=chart-pass-rate]');
      if (canvas && Number(canvas.getAttribute('data-draw-count') ?? 0) > 0) {
        (window as unknown as { firstChart: number }).firstChart = performance.now();
        watcher.disconnect();
      }
    });
    watcher.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-draw-count'] });
  });
}
