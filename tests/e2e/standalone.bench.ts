// The standalone page (导出独立网页): the built-in report's file, its size, and the time from
// navigation to the first chart when it is opened from file://, against the hosted page on
// loopback, run alternately, each in a fresh browser context (nothing cached). Prints medians;
// it is not a test with time limits.
import { test, expect, type Browser } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, watchFirstChart } from './bench-helpers';
import { exportStandalone } from './standalone-helpers';

const runs = Number(process.env.STARTUP_RUNS ?? 11);

/** ms from navigation start until the pass-rate canvas was first drawn at `address`. */
async function startup(browser: Browser, address: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await watchFirstChart(page);
  await page.goto(address);
  const ms = await page.waitForFunction(() => (window as unknown as { firstChart?: number }).firstChart, null, { timeout: 30_000 });
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const value = (await ms.jsonValue()) as number;
  await context.close();
  return value;
}

test('the standalone file: its size, and opening it against the hosted page', async ({ page, browser }, testInfo) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const file = await exportStandalone(page, testInfo);
  const size = fs.statSync(file).size;
  const local = pathToFileURL(file).href;
  const hosted: number[] = [];
  const standalone: number[] = [];
  // One of each first, not counted: the disk cache and Chromium's warm-up.
  await startup(browser, './');
  await startup(browser, local);
  for (let run = 0; run < runs; run++) {
    hosted.push(await startup(browser, './'));
    standalone.push(await startup(browser, local));
  }
  const lines = [
    `standalone page of the built-in report: ${size} bytes (${(size / 1e6).toFixed(2)} MB; budget 1.5 MB)`,
    `navigation to first chart, median of ${runs} cold runs each (ms):`,
    `  hosted page (loopback)        ${median(hosted).toFixed(1)}   [${hosted.map((x) => x.toFixed(0)).join(' ')}]`,
    `  standalone file (file://)     ${median(standalone).toFixed(1)}   [${standalone.map((x) => x.toFixed(0)).join(' ')}]`,
    `  ratio standalone / hosted     ${(median(standalone) / median(hosted)).toFixed(2)}   (goal: at most 1.5)`,
  ];
  console.log(lines.join('\n'));
  fs.writeFileSync(path.resolve(__dirname, '../../target/bench-standalone.txt'), lines.join('\n') + '\n');
});
