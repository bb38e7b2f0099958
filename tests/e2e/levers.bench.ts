// What a filter click's repaint is made of, at 1,000 records, and what each known lever could
// take off it: the same click as scale.bench.ts, timed in two parts (script: from the click until
// the KPIs and the charts have changed; layout: the one style and layout pass that follows,
// forced), in the page as it is and with a part of the page taken out by a style rule, which
// bounds what drawing less of that part could save:
//   - the majors list hidden: a list that lays out only its visible page saves at most this;
//   - the two lower charts hidden (they are then not drawn at all): drawing them off the main
//     thread, or only when scrolled to, saves at most this.
// Prints medians; it is not a test with time limits.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installNextTask, median } from './bench-helpers';

const size = Number(process.env.LEVER_SIZE ?? 1000);
const clicks = 30;


const variants = [
  { name: 'as it is', css: '', charts: ['chart-pass-rate', 'chart-registered-certified', 'chart-by-group'] },
  { name: 'majors list hidden', css: '[data-testid=filter-major] { display: none }', charts: ['chart-pass-rate', 'chart-registered-certified', 'chart-by-group'] },
  {
    name: 'two lower charts hidden',
    css: '[data-testid=chart-registered-certified-section], [data-testid=chart-by-group-section] { display: none }',
    charts: ['chart-pass-rate'],
  },
  {
    name: 'both',
    css: '[data-testid=filter-major], [data-testid=chart-registered-certified-section], [data-testid=chart-by-group-section] { display: none }',
    charts: ['chart-pass-rate'],
  },
];

async function load(page: Page) {
  await installNextTask(page);
  await page.goto(`./?data=bench/${size}.json`);
  await expect(page.getByTestId('kpi-records')).toHaveText(String(size));
  await expect(page.getByTestId('chart-by-group')).toHaveAttribute('data-draw-count', /\d+/);
}

test(`filter click at ${size} records: script and layout, and the levers`, async ({ page }) => {
  test.setTimeout(300_000);
  await load(page);
  const lines = [`filter click to repaint at ${size} records, medians of ${clicks} clicks (ms):`, '  variant                      total   script   layout'];
  for (const variant of variants) {
    await page.evaluate((css) => {
      document.getElementById('lever')?.remove();
      const style = document.createElement('style');
      style.id = 'lever';
      style.textContent = css;
      document.head.append(style);
    }, variant.css);
    const totals: number[] = [];
    const scripts: number[] = [];
    const layouts: number[] = [];
    const values = ['初级', '中级', '高级'];
    for (let run = 0; run < clicks; run++) {
      const [script, layout] = await page.evaluate(
        async ({ value, ids }) => {
          const nextTask = (window as unknown as { nextTask: () => Promise<void> }).nextTask;
          const counts = () => ids.map((id) => document.querySelector(`[data-testid=${id}]`)!.getAttribute('data-draw-count'));
          // Start from a laid-out page.
          void (document.body as HTMLElement).offsetHeight;
          const before = counts();
          const kpi = document.querySelector('[data-testid=kpi-registered]')!;
          const kpiBefore = kpi.textContent;
          const box = document.querySelector(`[data-testid=filter-level] input[value="${value}"]`) as HTMLInputElement;
          const start = performance.now();
          box.click();
          while (kpi.textContent === kpiBefore || counts().some((c, i) => c === before[i])) await nextTask();
          const scripted = performance.now();
          void (document.body as HTMLElement).offsetHeight;
          return [scripted - start, performance.now() - scripted];
        },
        { value: values[run % 3], ids: variant.charts },
      );
      scripts.push(script);
      layouts.push(layout);
      totals.push(script + layout);
    }
    lines.push(
      `  ${variant.name.padEnd(26)} ${median(totals).toFixed(1).padStart(7)} ${median(scripts).toFixed(1).padStart(8)} ${median(layouts).toFixed(1).padStart(8)}`,
    );
  }
  console.log(lines.join('\n'));
  fs.mkdirSync(path.resolve(__dirname, '../../target'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, '../../target/bench-levers.txt'), `${lines.join('\n')}\n`);
});
