// Workbooks of 10,000 and 100,000 records (scripts/bench.sh writes them), and the 2021 report
// as a Word document: the time from
// picking one to its preview shown, with the import worker already loaded (warm) and on the
// first workbook of a page (cold: the reader loads too); the time from confirm to the first
// chart; and the bytes the first workbook fetches. Prints medians; timing runs inside the page.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const dist = path.resolve(__dirname, '../../dist');
const results: string[] = [];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Picks `bench/<file>` and waits for the preview that says `records` records; in ms. */
async function pickToPreview(page: Page, file: string, records: number) {
  return page.evaluate(
    async ({ file, records }) => {
      const blob = await (await fetch(`bench/${file}`)).blob();
      const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], file));
      input.files = transfer.files;
      const start = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const wanted = `将打开 ${records} 条记录`;
      while (!document.querySelector('[data-testid=import-figures]')?.textContent?.includes(wanted)) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return performance.now() - start;
    },
    { file, records },
  );
}

/** Confirms the preview and waits for the first chart of `records` records; in ms. */
async function confirmToChart(page: Page, records: number) {
  return page.evaluate(async (records) => {
    const canvas = document.querySelector('[data-testid=chart-pass-rate]')!;
    const drawsBefore = canvas.getAttribute('data-draw-count');
    const kpi = document.querySelector('[data-testid=kpi-records]')!;
    const start = performance.now();
    (document.querySelector('[data-testid=import-confirm]') as HTMLButtonElement).click();
    while (kpi.textContent !== String(records) || canvas.getAttribute('data-draw-count') === drawsBefore) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return performance.now() - start;
  }, records);
}

test('the bytes the first workbook fetches', async ({ page }) => {
  const fetched = new Map<string, number>();
  page.on('response', async (response) => {
    const name = new URL(response.url()).pathname.split('/').pop() ?? '';
    if (name.startsWith('import-worker')) fetched.set(name, (await response.body()).length);
  });
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  expect(fetched.size, 'nothing of the reader before a workbook').toBe(0);
  await page.getByTestId('file-input').setInputFiles(path.resolve(__dirname, '../fixtures/college-workbook.xlsx'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  const names = [...fetched.keys()].sort();
  const raw = [...fetched.values()].reduce((a, b) => a + b, 0);
  const gzip = names
    .map((name) => zlib.gzipSync(fs.readFileSync(path.join(dist, name)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  const line = `first workbook fetches ${names.join(', ')}: ${raw} B (${gzip} B gzip -9)`;
  console.log(line);
  results.push(line);
});

for (const size of sizes) {
  test(`a workbook of ${size} records`, async ({ page }) => {
    const runs = size >= 100000 ? 3 : 5;
    const file = `workbook-${size}.xlsx`;
    const cold: number[] = [];
    const warm: number[] = [];
    const confirm: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('./');
      await expect(page.getByTestId('kpi-records')).toHaveText('38');
      cold.push(await pickToPreview(page, file, size));
      await page.getByTestId('import-cancel').click();
      warm.push(await pickToPreview(page, file, size));
      confirm.push(await confirmToChart(page, size));
      await page.evaluate(() => localStorage.clear());
    }
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
    const line = `${size}-record .xlsx (${fs.statSync(path.join(dist, 'bench', file)).size} B): pick to preview median ${ms(warm)}, first workbook of the page ${ms(cold)}; confirm to first chart ${ms(confirm)}`;
    console.log(line);
    results.push(line);
  });
}

test('the 2021 report as a Word document', async ({ page }) => {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 7; run++) {
    await page.goto('./');
    await expect(page.getByTestId('kpi-records')).toHaveText('38');
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    cold.push(await pickToPreview(page, 'report-2021.docx', 38));
    await page.getByTestId('import-cancel').click();
    warm.push(await pickToPreview(page, 'report-2021.docx', 38));
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  const line = `the 2021 report as .docx (${fs.statSync(path.join(dist, 'bench', 'report-2021.docx')).size} B, three tables): pick to preview median ${ms(warm)}, first file of the page ${ms(cold)}`;
  console.log(line);
  results.push(line);
});

test.afterAll(() => {
  const out = path.resolve(__dirname, '../../target/bench-workbooks.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, results.join('\n') + '\n');
});
