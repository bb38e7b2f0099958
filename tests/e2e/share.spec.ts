// A link that carries the data: copied from one browser, opened in another that holds nothing,
// it shows the same data (edits included) on the same view; a damaged link changes nothing.
import { type Browser, type Page } from '@playwright/test';
import { test, expect, watchErrors, kpi, kpis, editedAndFiltered } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Clicks 复制带数据的链接 and returns the link it shows. */
async function shareLink(page: Page) {
  await page.getByTestId('share-link').click();
  const status = page.getByTestId('share-link-status');
  await expect(status).toHaveAttribute('data-state', /^(copied|shown)$/);
  const link = await page.getByTestId('share-link-text').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[^#]*#d=[A-Za-z0-9_-]+$/);
  return link;
}

/** A page in a browser context of its own: nothing stored, as on another person's computer. */
async function elsewhere(browser: Browser, errors: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchErrors(page, errors);
  return page;
}

test('a link carries the data, its edits and the view to a browser that holds nothing', async ({ page, browser }) => {
  const before = await editedAndFiltered(page);
  const link = await shareLink(page);
  expect(link.length, 'the built-in report fits well within the limit').toBeLessThan(8_000);

  const errors: string[] = [];
  const other = await elsewhere(browser, errors);
  await other.goto(link);
  await expect(other.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await expect(kpi(other, 'records')).toHaveText('3');
  expect(await kpis(other)).toEqual(before);
  await expect(other.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]')).toBeChecked();
  // The edit came along: without the filter the first record has 81 registered.
  await other.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').uncheck();
  await expect(other.getByTestId('record-row').first().locator('input[name=registered]')).toHaveValue('81');
  // The data left the address once read: a reload does not open it again.
  expect(new URL(other.url()).hash).toBe('');
  await other.context().close();
  expect(errors, 'no console errors where the link was opened').toEqual([]);
});

test('a link round-trips a dataset of 300 records', async ({ page, browser }, testInfo) => {
  const report = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/report-2021.json'), 'utf-8'));
  const records = [];
  for (let n = 0; records.length < 300; n++) {
    for (const record of report.records) {
      if (records.length < 300) records.push({ ...record, batch: `第${n + 1}轮 ${record.batch}` });
    }
  }
  const data = { ...report, title: '三百条记录', records };
  delete data.reported_totals;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles({
    name: 'three-hundred.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(kpi(page, 'records')).toHaveText('300');
  const before = await kpis(page);
  const link = await shareLink(page);
  testInfo.annotations.push({ type: 'link length (300 records)', description: String(link.length) });

  const errors: string[] = [];
  const other = await elsewhere(browser, errors);
  await other.goto(link);
  await expect(other.getByTestId('dataset-title')).toHaveText('三百条记录');
  expect(await kpis(other)).toEqual(before);
  await other.context().close();
  expect(errors).toEqual([]);
});

test('a damaged or cut-off link is refused and changes nothing', async ({ page, browser }) => {
  await page.goto('./');
  const input = page.getByTestId('record-row').first().locator('input[name=note]');
  await input.fill('链接里的修改');
  await input.press('Enter');
  const link = await shareLink(page);
  const [address, data] = link.split('#d=');
  const damaged = [
    `${address}#d=${data.slice(0, Math.floor(data.length / 2))}`,
    `${address}#d=${data.slice(0, 40)}*${data.slice(41)}`,
    `${address}#d=${'A'.repeat(64)}`,
  ];
  for (const broken of damaged) {
    const errors: string[] = [];
    const other = await elsewhere(browser, errors);
    await other.goto(broken);
    const refusal = other.getByTestId('load-error');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('已损坏');
    await expect(refusal).toContainText('当前数据没有任何改动');
    await expect(kpi(other, 'records')).toHaveText('38');
    await expect(other.getByTestId('record-row').first().locator('input[name=note]')).not.toHaveValue('链接里的修改');
    await other.context().close();
    expect(errors, broken).toEqual([]);
  }
});

test('data too large for a link: the button says to send the standalone page', async ({ page }) => {
  const report = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/report-2021.json'), 'utf-8'));
  // Records that do not repeat, so that they compress as a college's own do: far over the limit.
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647);
  const records = Array.from({ length: 3000 }, (_, n) => ({
    ...report.records[n % report.records.length],
    certificate: `证书${random().toString(36)}${random().toString(36)}`,
    registered: random() % 500,
    certified: null,
  }));
  const data = { ...report, title: '三千条记录', records };
  delete data.reported_totals;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles({
    name: 'three-thousand.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(kpi(page, 'records')).toHaveText('3000');
  await page.getByTestId('share-link').click();
  const status = page.getByTestId('share-link-status');
  await expect(status).toHaveAttribute('data-state', 'too-long');
  await expect(status).toContainText('请改为发送“导出独立网页”得到的 .html 文件');
  await expect(page.getByTestId('share-link-text')).toHaveCount(0);
});
