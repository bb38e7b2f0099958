// Start-up: from navigation to the first chart drawn, for the app (the release build, the
// built-in data inside its wasm) and for a reference page that draws the same pass-rate chart
// of the same data with Apache ECharts (tests/e2e/reference/echarts.html), run alternately in
// one benchmark on one machine so that their ratio means something. Each run is a fresh
// browser context: nothing cached. Prints medians; it is not a test with time limits.
import { test, expect, type Browser } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median, watchFirstChart } from './bench-helpers';

const runs = Number(process.env.STARTUP_RUNS ?? 11);


/** ms from navigation start until the app's pass-rate canvas was first drawn. */
async function appStartup(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await watchFirstChart(page);
  await page.goto('./');
  const ms = await page.waitForFunction(() => (window as unknown as { firstChart?: number }).firstChart);
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const value = (await ms.jsonValue()) as number;
  await context.close();
  return value;
}

/** ms from navigation start until ECharts reported the same chart finished. */
async function referenceStartup(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('./bench/reference/echarts.html');
  const ms = await page.waitForFunction(() => (window as unknown as { firstChart?: number }).firstChart);
  const value = (await ms.jsonValue()) as number;
  // The reference really drew the chart: there is ink on its canvas.
  const ink = await page.locator('#chart canvas').evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4 * 31) if (pixels[i + 3] > 0 && pixels[i] < 200) dark++;
    return dark;
  });
  expect(ink).toBeGreaterThan(100);
  await page.screenshot({ path: path.resolve(__dirname, '../../target/screenshots/reference-echarts.png'), fullPage: true });
  await context.close();
  return value;
}

test('navigation to first chart: the app and an ECharts page of the same chart', async ({ browser }) => {
  const app: number[] = [];
  const reference: number[] = [];
  // One of each first, not counted: the machine's disk cache and Chromium's warm-up.
  await appStartup(browser);
  await referenceStartup(browser);
  for (let run = 0; run < runs; run++) {
    app.push(await appStartup(browser));
    reference.push(await referenceStartup(browser));
  }
  const lines = [
    `start-up, navigation to first chart, median of ${runs} cold runs each (ms):`,
    `  app (Leptos + plotters, wasm)      ${median(app).toFixed(1)}   [${app.map((x) => x.toFixed(0)).join(' ')}]`,
    `  reference (ECharts ${echartsVersion()})       ${median(reference).toFixed(1)}   [${reference.map((x) => x.toFixed(0)).join(' ')}]`,
    `  ratio app / reference              ${(median(app) / median(reference)).toFixed(2)}`,
  ];
  console.log(lines.join('\n'));
  fs.mkdirSync(path.resolve(__dirname, '../../target'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, '../../target/bench-startup.txt'), `${lines.join('\n')}\n`);
});

function echartsVersion(): string {
  const manifest = path.resolve(__dirname, 'node_modules/echarts/package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf-8')).version;
}
