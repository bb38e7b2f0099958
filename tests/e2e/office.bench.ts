// The time to make each report file (Excel, Word, PowerPoint), from the click to the download,
// for the built-in data and for 10,000 records: the first file of each kind (which fetches
// the office chunk), then the median of the next runs. Prints medians.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './bench-helpers';

const results: string[] = [];
const kinds = ['export-xlsx', 'export-docx', 'export-pptx'];

/** Milliseconds from the click on `testId` to the download, and the file's size in bytes. */
async function time(page: Page, testId: string) {
  const event = page.waitForEvent('download', { timeout: 600_000 });
  const start = Date.now();
  await page.getByTestId(testId).click();
  const file = await event;
  const ms = Date.now() - start;
  const size = fs.statSync((await file.path())!).size;
  return { ms, size };
}

async function open(page: Page, size: number | null) {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  if (size !== null) {
    const bytes = fs.readFileSync(path.resolve(__dirname, `../../dist/bench/${size}.json`));
    await page.getByTestId('file-input').setInputFiles({ name: `${size}.json`, mimeType: 'application/json', buffer: bytes });
    await expect(page.getByTestId('kpi-records')).toHaveText(String(size), { timeout: 60_000 });
  }
  await expect(page.getByTestId('export-docx')).toBeVisible();
}

for (const size of [null, 10000]) {
  test(`report files, ${size ?? 'built-in'}`, async ({ page }) => {
    test.setTimeout(1_800_000);
    // A long deck asks before it is made; the benchmark says yes.
    page.on('dialog', (dialog) => void dialog.accept());
    await open(page, size);
    for (const kind of kinds) {
      const first = await time(page, kind);
      // A deck of 10,000 records runs to thousands of slides: made once.
      const runs = kind === 'export-pptx' && size !== null ? 0 : 5;
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        times.push((await time(page, kind)).ms);
      }
      const again = runs > 0 ? `, median ${median(times)} ms of ${runs}` : '';
      const slides = (await page.getByTestId('office-status').textContent()) ?? '';
      const line =
        `${(size ?? 38).toLocaleString('en')} records, ${kind.replace('export-', '')}: ` +
        `first ${first.ms} ms${again}, ${Math.round(first.size / 1024)} KB` +
        (kind === 'export-pptx' ? ` (${slides})` : '');
      console.log(line);
      results.push(line);
    }
  });
}

test.afterAll(() => {
  const out = path.resolve(__dirname, '../../target/bench-office.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, results.join('\n') + '\n');
});
