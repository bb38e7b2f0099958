// At 1,000 / 10,000 / 100,000 records: the time from opening a file to the first chart drawn,
// and from a filter click until KPIs, all three charts and the table are repainted.
// Prints medians. Timing runs inside the page (performance.now), so Playwright's own
// round-trips are not counted.
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installNextTask, median } from './bench-helpers';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const results: string[] = [];


for (const size of sizes) {
  test(`${size} records`, async ({ page }) => {
    await installNextTask(page);
    await page.goto('./');
    await expect(page.getByTestId('kpi-records')).toHaveText('38');

    const loads: number[] = [];
    for (let run = 0; run < (size >= 100000 ? 3 : 5); run++) {
      const ms = await page.evaluate(async (size) => {
        const nextTask = (window as unknown as { nextTask: () => Promise<void> }).nextTask;
        const blob = await (await fetch(`bench/${size}.json`)).blob();
        const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
        const canvas = document.querySelector('[data-testid=chart-pass-rate]')!;
        const drawsBefore = canvas.getAttribute('data-draw-count');
        const transfer = new DataTransfer();
        transfer.items.add(new File([blob], `${size}.json`, { type: 'application/json' }));
        input.files = transfer.files;
        const start = performance.now();
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const kpi = document.querySelector('[data-testid=kpi-records]')!;
        while (kpi.textContent !== String(size) || canvas.getAttribute('data-draw-count') === drawsBefore) {
          await nextTask();
        }
        void (document.body as HTMLElement).offsetHeight;
        return performance.now() - start;
      }, size);
      loads.push(ms);
      // Back to the built-in data (forgetting the work the app saved), so that the next run
      // loads the file again.
      if (run + 1 < (size >= 100000 ? 3 : 5)) {
        await page.evaluate(() => localStorage.clear());
        await page.reload();
      }
      await expect(page.getByTestId('kpi-records')).not.toHaveText('');
    }

    // Filter clicks: the levels one after another, on and off.
    const clicks: number[] = [];
    const values = ['初级', '中级', '高级'];
    for (let run = 0; run < 30; run++) {
      const value = values[run % 3];
      const ms = await page.evaluate(async (value) => {
        const nextTask = (window as unknown as { nextTask: () => Promise<void> }).nextTask;
        const ids = ['chart-pass-rate', 'chart-registered-certified', 'chart-by-group'];
        const counts = () => ids.map((id) => document.querySelector(`[data-testid=${id}]`)!.getAttribute('data-draw-count'));
        const before = counts();
        const kpi = document.querySelector('[data-testid=kpi-registered]')!;
        const kpiBefore = kpi.textContent;
        const box = document.querySelector(`[data-testid=filter-level] input[value="${value}"]`) as HTMLInputElement;
        const start = performance.now();
        box.click();
        while (kpi.textContent === kpiBefore || counts().some((c, i) => c === before[i])) {
          await nextTask();
        }
        void (document.body as HTMLElement).offsetHeight;
        return performance.now() - start;
      }, value);
      clicks.push(ms);
    }
    // Edits: a new registered count typed into the first row, until the KPI shows it (the
    // index is rebuilt and the work is written to localStorage, or fails to fit).
    // (An even number of clicks per level has left the filter empty.)
    await expect(page.getByTestId('kpi-records')).toHaveText(String(size));
    const edits: number[] = [];
    for (let run = 0; run < 7; run++) {
      const ms = await page.evaluate(async (run) => {
        const nextTask = (window as unknown as { nextTask: () => Promise<void> }).nextTask;
        const input = document.querySelector('[data-testid=record-row] input[name=registered]') as HTMLInputElement;
        const kpi = document.querySelector('[data-testid=kpi-registered]')!;
        const before = kpi.textContent;
        input.value = String(Number(input.value) + 1 + run);
        const start = performance.now();
        input.dispatchEvent(new Event('change', { bubbles: true }));
        while (kpi.textContent === before) await nextTask();
        void (document.body as HTMLElement).offsetHeight;
        return performance.now() - start;
      }, run);
      edits.push(ms);
    }
    const line = `${size} records: load to first chart median ${median(loads).toFixed(0)} ms (${loads.map((x) => x.toFixed(0)).join(', ')}); filter click to repaint median ${median(clicks).toFixed(1)} ms (min ${Math.min(...clicks).toFixed(1)}, max ${Math.max(...clicks).toFixed(1)}, n=${clicks.length}); edit to repaint median ${median(edits).toFixed(0)} ms (n=${edits.length})`;
    console.log(line);
    results.push(line);
  });
}

test.afterAll(() => {
  const out = path.resolve(__dirname, '../../target/bench-browser.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, results.join('\n') + '\n');
});
