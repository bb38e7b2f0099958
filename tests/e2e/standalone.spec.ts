// 导出独立网页: the board and the work on screen as one .html file, opened from file:// in a
// browser with every network request blocked, as a recipient double-clicks a mail attachment.
// The same file in WebKit and Firefox: standalone-engines.spec.ts.
import { type Browser } from '@playwright/test';
import { test, expect, watchErrors, kpi, kpis, editedAndFiltered } from './fixtures';
import { exportStandalone } from './standalone-helpers';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The budget of the built-in report's standalone file. */
const SIZE_LIMIT = 1_500_000;

/** The file opened in a browser context of its own, offline, every request refused; the
 * requests the page made are collected into `requests`. */
async function openOffline(browser: Browser, file: string, errors: string[], requests: string[]) {
  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  watchErrors(page, errors);
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d+/, { timeout: 20_000 });
  return page;
}

/** Every request was for the file itself or for what it unpacked in memory. */
function onlyTheFile(requests: string[]) {
  return requests.filter((url) => !/^(file|blob|data):/.test(url));
}

test('the standalone file opens from file:// with no network: the data, the edit, the view, filters and slides', async ({ page, browser }, testInfo) => {
  const before = await editedAndFiltered(page);
  const file = await exportStandalone(page, testInfo);
  const size = fs.statSync(file).size;
  testInfo.annotations.push({ type: 'standalone file (built-in report)', description: `${size} bytes` });
  expect(size).toBeLessThanOrEqual(SIZE_LIMIT);
  const html = fs.readFileSync(file, 'utf-8');
  expect(html).toContain('<title>2021年“1+X”证书制度试点工作报告 · 离线报告</title>');

  const errors: string[] = [];
  const requests: string[] = [];
  const offline = await openOffline(browser, file, errors, requests);
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await expect(offline.getByTestId('standalone-origin')).toHaveText(
    new RegExp(`^离线报告：2021年“1\\+X”证书制度试点工作报告，由 1\\+X 试点看板于 ${day} 导出`),
  );
  // The view on screen when it was exported, and the key figures of the data exported.
  await expect(kpi(offline, 'records')).toHaveText('3');
  expect(await kpis(offline)).toEqual(before);
  const level = offline.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]');
  await expect(level).toBeChecked();
  // The filters work; the edit came along.
  await level.uncheck();
  await expect(kpi(offline, 'records')).toHaveText('38');
  await expect(offline.getByTestId('record-row').first().locator('input[name=registered]')).toHaveValue('81');
  // As its value, not as an edit to take back: the sender's history stays with the sender.
  await expect(offline.getByTestId('undo')).toBeDisabled();
  // The slides (their code is a chunk, unpacked from the file).
  await offline.getByTestId('present').click();
  await expect(offline.getByTestId('slide')).toHaveAttribute('data-slide', '0');
  await expect(offline.getByTestId('slide-title')).toContainText('各证书通过率');
  await offline.keyboard.press('ArrowRight');
  await expect(offline.getByTestId('slide')).toHaveAttribute('data-slide', '1');
  await offline.keyboard.press('Escape');
  await expect(offline.getByTestId('slide')).toHaveCount(0);

  // An edit made in the file is kept: it is there after a reload.
  const row = offline.getByTestId('record-row').nth(1).locator('input[name=certified]');
  await row.fill('7');
  await row.press('Enter');
  await offline.reload();
  await expect(offline.getByTestId('record-row').nth(1).locator('input[name=certified]')).toHaveValue('7', { timeout: 20_000 });
  await expect(offline.getByTestId('record-row').first().locator('input[name=registered]')).toHaveValue('81');

  expect(onlyTheFile(requests), 'no request left the file').toEqual([]);
  await offline.context().close();
  expect(errors, 'no console errors in the standalone file').toEqual([]);
});

test('a standalone file exports a standalone file, and its Office exports and JSON files work offline', async ({ page, browser }, testInfo) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
  const first = await exportStandalone(page, testInfo, 'first.html');

  const errors: string[] = [];
  const requests: string[] = [];
  const offline = await openOffline(browser, first, errors, requests);
  await offline.getByTestId('filter-level').locator('input[type=checkbox][value="中级"]').check();
  const before = await kpis(offline);

  // The Excel export's code is in the file too.
  const workbook = offline.waitForEvent('download');
  await offline.getByTestId('export-xlsx').click();
  const xlsx = testInfo.outputPath('records.xlsx');
  await (await workbook).saveAs(xlsx);
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

  // A workbook or a table needs the board online, and says so; nothing changes.
  await offline.getByTestId('file-input').setInputFiles({
    name: '2022.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('批次,证书名称,等级\n第一批,A,初级\n'),
  });
  await expect(offline.getByTestId('load-error')).toContainText('离线报告不能读取 Excel、WPS 工作簿和 CSV 表格');
  expect(await kpis(offline)).toEqual(before);

  // From the file, another file: it opens on its own, on the view it was made on.
  const second = await exportStandalone(offline, testInfo, 'second.html');
  const third = await openOffline(browser, second, errors, requests);
  await expect(third.getByTestId('filter-level').locator('input[type=checkbox][value="中级"]')).toBeChecked();
  expect(await kpis(third)).toEqual(before);
  // A JSON data file opens in it.
  const report = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/report-2021.json'), 'utf-8'));
  const data = { ...report, title: '离线打开的数据', records: report.records.slice(0, 5) };
  delete data.reported_totals;
  await third.getByTestId('file-input').setInputFiles({
    name: 'five.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(third.getByTestId('dataset-title')).toHaveText('离线打开的数据');
  await expect(kpi(third, 'records')).toHaveText('5');

  expect(onlyTheFile(requests), 'no request left the files').toEqual([]);
  await offline.context().close();
  await third.context().close();
  expect(errors, 'no console errors in the standalone files').toEqual([]);
});

test('where the browser keeps nothing for a file:// page, the standalone file says so at once and offers a new file', async ({ page, browser }, testInfo) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
  const file = await exportStandalone(page, testInfo);

  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  // As a browser that refuses storage to file:// pages: reading localStorage throws.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const offline = await context.newPage();
  const errors: string[] = [];
  watchErrors(offline, errors);
  await offline.goto(pathToFileURL(file).href);
  await expect(kpi(offline, 'records')).toHaveText('38');
  // Before any edit.
  const warning = offline.getByTestId('storage-warning');
  await expect(warning).toContainText('这个浏览器不让离线网页保存修改');
  const input = offline.getByTestId('record-row').first().locator('input[name=registered]');
  await input.fill('99');
  await input.press('Enter');
  // What it offers: a new standalone page with the edit, or the JSON file.
  await expect(warning.getByTestId('export-json')).toBeVisible();
  const saved = await exportStandalone(offline, testInfo, 'kept.html');
  await context.close();

  const again = await openOffline(browser, saved, errors, []);
  await expect(again.getByTestId('record-row').first().locator('input[name=registered]')).toHaveValue('99');
  await again.context().close();
  expect(errors, 'no console errors').toEqual([]);
});
