// Workbooks as colleges keep them, read by the import worker: a notes sheet in front, a title
// row, merged batch cells, other headings, majors by name alone, percent cells, 待公布 and a 合计
// row. It opens on its data sheet after one look at the preview, the same table saved as a
// GB18030 CSV gives the same figures, and hostile workbooks are refused within seconds with
// the page alive and nothing changed.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const fixtures = path.resolve(__dirname, '../fixtures');
const hostile = path.resolve(__dirname, '../hostile');
const shots = path.resolve(__dirname, '../../target/screenshots');
const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);
const COLLEGE = ['5', '636', '300', '68.81%', '47.17%'];

async function kpis(page: Page) {
  const out: string[] = [];
  for (const name of ['records', 'registered', 'certified', 'pass-rate', 'pass-rate-all']) {
    out.push(((await kpi(page, name).textContent()) ?? '').trim());
  }
  return out;
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('a college’s workbook opens on its data sheet, with a column changed on the way', async ({ page }) => {
  const before = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook.xlsx'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  expect(await kpis(page)).toEqual(before);
  await expect(page.getByTestId('import-busy')).toHaveCount(0);

  // Two sheets: the one like a pilot table is chosen, the notes in front can be picked.
  const sheet = page.getByTestId('import-sheet');
  await expect(sheet.locator('option')).toHaveText(['填表说明', '考核情况']);
  await expect(sheet).toHaveValue('1');
  const column = (n: number) => preview.locator(`[data-testid=import-column][data-column="${n}"]`);
  await expect(column(0)).toHaveValue('');
  await expect(column(1)).toHaveValue('batch');
  await expect(column(4)).toHaveValue('majors');
  await expect(column(7)).toHaveValue('reported_pass_rate_percent');
  await expect(page.getByTestId('import-filled')).toContainText('合并单元格');
  await expect(page.getByTestId('import-skipped')).toContainText('合计行');
  await expect(page.getByTestId('import-figures')).toContainText('将打开 5 条记录：报考 636 人，获证 300 人');
  await page.screenshot({ path: path.join(shots, 'import-workbook.png'), fullPage: true });

  // The certified column unused, then back.
  await column(6).selectOption('');
  await expect(page.getByTestId('import-figures')).toContainText('获证 0 人');
  await column(6).selectOption('certified');
  await expect(page.getByTestId('import-figures')).toContainText('获证 300 人');

  await page.getByTestId('import-confirm').click();
  await expect(preview).toHaveCount(0);
  await expect(kpi(page, 'records')).toHaveText('5');
  expect(await kpis(page)).toEqual(COLLEGE);
  // Majors known by name alone are chosen, counted and charted by name.
  const majors = page.getByTestId('filter-major');
  await expect(majors).toContainText('数控技术');
  await majors.getByText('数控技术').click();
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(page).toHaveURL(/major=/);
});

test('the notes sheet picked has no such table: the problems say so and confirm waits', async ({ page }) => {
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook.xlsx'));
  const sheet = page.getByTestId('import-sheet');
  await sheet.selectOption('0');
  await expect(page.getByTestId('import-problems')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await sheet.selectOption('1');
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('the same table as a GB18030 CSV gives the same figures', async ({ page }) => {
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook-gb18030.csv'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-confirm').click();
  await expect(kpi(page, 'records')).toHaveText('5');
  expect(await kpis(page)).toEqual(COLLEGE);
});

test('hostile workbooks and Word documents are refused within seconds, the page alive and nothing changed', async ({ page }) => {
  const before = await kpis(page);
  const cases: Array<[string, string]> = [
    ['zip-bomb.xlsx', '解压后'],
    ['million-rows.xlsx', '200000 行'],
    ['nested.xlsx', '没有任何数据'],
    ['truncated.xlsx', '已损坏'],
    ['encrypted.xlsx', '密码'],
    ['web-page.xls', '网页'],
    ['spreadsheet-2003.xls', 'SpreadsheetML'],
    ['zip-bomb.docx', '解压后'],
    ['nested.docx', 'Word 文档已损坏'],
    ['many-tables.docx', '表格超过 1000 个'],
  ];
  for (const [name, says] of cases) {
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(path.join(hostile, name));
    const error = page.getByTestId('load-error');
    await expect(error, name).toContainText(name, { timeout: 10_000 });
    await expect(error, name).toContainText(says);
    expect(Date.now() - started, name).toBeLessThan(10_000);
    expect(await kpis(page), name).toEqual(before);
  }
  // The page answers at once, and the reader still reads.
  await page.getByTestId('filter-level').getByText('初级').click();
  await expect(kpi(page, 'records')).not.toHaveText('38');
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook.xlsx'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
});

test('a reader that cannot load is reported, and the next file starts it again', async ({ page }) => {
  await page.route('**/import-worker_bg.wasm*', (route) => route.abort());
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook.xlsx'));
  await expect(page.getByTestId('load-error')).toContainText('读取程序已停止', { timeout: 10_000 });
  await expect(page.getByTestId('import-busy')).toHaveCount(0);
  await expect(kpi(page, 'records')).toHaveText('38');
  await page.unroute('**/import-worker_bg.wasm*');
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-workbook.xlsx'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
});

test('the reader is not part of the first load', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.reload();
  await expect(kpi(page, 'records')).toHaveText('38');
  expect(fetched.filter((file) => file.includes('import-worker'))).toEqual([]);
  expect(fs.existsSync(path.resolve(__dirname, '../../dist/import-worker_bg.wasm'))).toBe(true);
});
