// The first screen, driven as a user does: the 2021 report's figures, the records table, and
// opening files (a good one replaces the data; a bad one is listed and changes nothing).
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

const kpis = {
  records: 'kpi-records',
  registered: 'kpi-registered',
  certified: 'kpi-certified',
  pending: 'kpi-pending',
  passRate: 'kpi-pass-rate',
  passRateAll: 'kpi-pass-rate-all',
} as const;

async function kpiTexts(page: Page) {
  const out: Record<string, string> = {};
  for (const [name, id] of Object.entries(kpis)) {
    out[name] = (await page.getByTestId(id).textContent())?.trim() ?? '';
  }
  return out;
}

const report2021 = {
  records: '38',
  registered: '3482',
  certified: '2297',
  pending: '299',
  passRate: '72.16%',
  passRateAll: '65.97%',
};

function dataset(title: string, records: object[]) {
  return Buffer.from(
    JSON.stringify({ format: '1x-pilot-dataset', version: 1, title, records }),
    'utf-8',
  );
}

const record = (over: object = {}) => ({
  batch: '2022年第一批',
  certificate: '物流管理职业技能等级证书',
  level: '中级',
  majors: [{ code: '530802', name: '物流管理' }],
  registered: 40,
  certified: 30,
  ...over,
});

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
});

test('shows the 2021 report to the last digit', async ({ page }) => {
  expect(await kpiTexts(page)).toEqual(report2021);
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await expect(page.getByTestId('as-of')).toContainText('2021年12月31日');
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page).toHaveTitle(/2021年“1\+X”证书制度试点工作报告/);

  const rows = page.getByTestId('records-table').getByTestId('record-row');
  await expect(rows).toHaveCount(38);
  // The first row of table 1, with its computed rate.
  await expect(rows.nth(0).locator('input[name=certificate]')).toHaveValue('产品创意设计职业技能等级证书');
  await expect(rows.nth(0).locator('input[name=majors]')).toHaveValue('【560118】工业设计');
  await expect(rows.nth(0).locator('td').nth(9)).toHaveText('86.00%');
  // Nobody registered: the rate is undefined, not 0%.
  await expect(rows.nth(3).locator('td').nth(9)).toHaveText('--');
  // Results not published: certified and rate are --.
  const pending = rows.filter({ has: page.locator('input[name=certificate][value^="智能网联汽车测试装调"]') });
  await expect(pending.locator('input[name=certified]')).toHaveValue('--');
  await expect(pending.locator('td').nth(8)).toContainText('未出成绩');
  await expect(pending.locator('td').nth(9)).toHaveText('--');

  // One page holds the whole report; the pager says so and offers no other page.
  const pager = page.getByRole('navigation', { name: '翻页' });
  await expect(pager).toHaveText(/^\s*上一页\s*第 1–38 条，共 38 条\s*下一页\s*$/);
  await expect(pager.getByRole('button', { name: '下一页' })).toBeDisabled();

  // The reconciliation names the report's own inconsistencies.
  const reconciliation = page.getByTestId('reconciliation');
  await expect(reconciliation).toContainText('按记录计算为 34，报告印的是 35');
  await expect(reconciliation).toContainText('299 名考生尚未出成绩');

  fs.mkdirSync(path.join(root, 'target/screenshots'), { recursive: true });
  // The reconciliation and the records are laid out and painted only near the screen
  // (content-visibility: auto): scrolled to, they are drawn.
  const records = page.getByTestId('records-table');
  await records.scrollIntoViewIfNeeded();
  await expect
    .poll(() => records.evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true })))
    .toBe(true);
  await page.screenshot({ path: path.join(root, 'target/screenshots/records.png') });
  // A full-page capture paints beyond the screen without scrolling, where those sections stay
  // skipped: show them for it (docs/performance.md).
  await page.addStyleTag({ content: '.pb-recon, .pb-records { content-visibility: visible }' });
  await page.screenshot({ path: path.join(root, 'target/screenshots/first-screen.png'), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(root, 'target/screenshots/overview.png') });
});

test('a bad file shows every error and changes nothing', async ({ page }) => {
  const bad = Buffer.from(
    JSON.stringify({
      format: '1x-pilot-dataset',
      version: 1,
      title: '坏文件',
      records: [record({ level: '中等', registered: -1 }), record({ registred: 3 })],
    }),
  );
  await page.getByTestId('file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: bad });
  const error = page.getByTestId('load-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('无法打开“bad.json”：发现 3 个问题');
  await expect(error.locator('li')).toHaveCount(3);
  await expect(error).toContainText('第 1 条记录');
  await expect(error).toContainText('键“level”');
  await expect(error).toContainText('是不是“registered”');
  expect(await kpiTexts(page)).toEqual(report2021);
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await page.screenshot({ path: path.join(root, 'target/screenshots/load-error.png') });

  await error.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('a syntax error gives line and column; a non-UTF-8 file says so', async ({ page }) => {
  const input = page.getByTestId('file-input');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "1x-pilot-dataset",\n  "version": 1\n  "title": "x"\n}'),
  });
  await expect(page.getByTestId('load-error')).toContainText('第 4 行第 3 列');
  await input.setInputFiles({
    name: 'gbk.json',
    mimeType: 'application/json',
    buffer: Buffer.from([0xb1, 0xa8, 0xbf, 0xbc]),
  });
  await expect(page.getByTestId('load-error')).toContainText('不是 UTF-8 编码');
  expect(await kpiTexts(page)).toEqual(report2021);
});

test('a good file replaces the data; a later bad one leaves it in place', async ({ page }) => {
  const input = page.getByTestId('file-input');
  await input.setInputFiles({
    name: 'example.json',
    mimeType: 'application/json',
    buffer: fs.readFileSync(path.join(root, 'docs/examples/pending-results.json')),
  });
  await expect(page.getByTestId('dataset-title')).toHaveText('示例：部分试点尚未出成绩');
  const expected = {
    records: '3',
    registered: '130',
    certified: '70',
    pending: '50',
    passRate: '87.50%',
    passRateAll: '53.85%',
  };
  expect(await kpiTexts(page)).toEqual(expected);
  await expect(page.getByTestId('record-row')).toHaveCount(3);

  await input.setInputFiles({ name: 'v3.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"1x-pilot-dataset","version":3}') });
  await expect(page.getByTestId('load-error')).toContainText('较新版本');
  expect(await kpiTexts(page)).toEqual(expected);
  await expect(page.getByTestId('dataset-title')).toHaveText('示例：部分试点尚未出成绩');
});

test('markup in a dataset is shown as text, never run', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.getByTestId('file-input').setInputFiles({
    name: 'markup.json',
    mimeType: 'application/json',
    buffer: dataset('<b>标题</b>', [
      record({ certificate: hostile, note: '<script>window.__pwned=2</script>', majors: [{ code: '1', name: '<i>x</i>' }] }),
    ]),
  });
  await expect(page.getByTestId('dataset-title')).toHaveText('<b>标题</b>');
  const row = page.getByTestId('record-row');
  await expect(row.locator('input[name=certificate]')).toHaveValue(hostile);
  await expect(row.locator('input[name=note]')).toHaveValue('<script>window.__pwned=2</script>');
  await expect(row.locator('input[name=majors]')).toHaveValue('【1】<i>x</i>');
  await expect(page.locator('main img, main script, header b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
