// Tables as colleges keep them: a CSV saved by Excel on Chinese Windows under a title row, with
// its own headings, merged batch cells and a 合计 row; and the report's table 3 pasted from the
// Word report (its header repeated where the table goes over a page). Each opens through the
// preview, where a column can be changed, and nothing changes until it is confirmed.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const fixtures = path.resolve(__dirname, '../fixtures');
const shots = path.resolve(__dirname, '../../target/screenshots');
const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

async function kpis(page: Page) {
  const out: string[] = [];
  for (const name of ['records', 'registered', 'certified', 'pass-rate', 'pass-rate-all']) {
    out.push(((await kpi(page, name).textContent()) ?? '').trim());
  }
  return out;
}

async function paste(page: Page, text: string) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('a GB18030 CSV with its own headings opens after the preview, a column changed on the way', async ({ page }) => {
  const before = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-gb18030.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // Nothing has changed yet.
  expect(await kpis(page)).toEqual(before);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page.getByTestId('import-sheet')).toHaveText('college-gb18030.csv');
  const column = (n: number) => preview.locator(`[data-testid=import-column][data-column="${n}"]`);
  await expect(column(0)).toHaveValue('');
  await expect(column(1)).toHaveValue('batch');
  await expect(column(5)).toHaveValue('registered');
  await expect(column(6)).toHaveValue('certified');
  await expect(column(7)).toHaveValue('reported_pass_rate_percent');
  await expect(page.getByTestId('import-skipped')).toContainText('第 1 行');
  await expect(page.getByTestId('import-skipped')).toContainText('合计行');
  await expect(page.getByTestId('import-filled')).toContainText('3 个');
  await expect(page.getByTestId('import-figures')).toContainText('将打开 5 条记录：报考 636 人，获证 300 人');
  await page.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });

  // The certified column set to "not used": every result is then pending, and the figures say so.
  await column(6).selectOption('');
  await expect(page.getByTestId('import-figures')).toContainText('获证 0 人');
  // Back to certified, and the rate column unused.
  await column(6).selectOption('certified');
  await column(7).selectOption('');
  await expect(page.getByTestId('import-figures')).toContainText('获证 300 人');

  await page.getByTestId('import-confirm').click();
  await expect(preview).toHaveCount(0);
  await expect(kpi(page, 'records')).toHaveText('5');
  expect(await kpis(page)).toEqual(['5', '636', '300', '68.81%', '47.17%']);
  // The 合计 row became the report's totals, which the checks compare.
  await expect(page.getByTestId('reconciliation')).toContainText('636');
});

test('a problem in the preview is listed by row and column and blocks the confirm; cancel changes nothing', async ({ page }) => {
  const before = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-gb18030.csv'));
  const preview = page.getByTestId('import-preview');
  // The registered column unused: a required column is missing.
  await preview.locator('[data-testid=import-column][data-column="5"]').selectOption('');
  await expect(page.getByTestId('import-problems')).toContainText('报考人数');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  // The certificate column read as certified: its names are no counts, each listed.
  await preview.locator('[data-testid=import-column][data-column="5"]').selectOption('registered');
  await preview.locator('[data-testid=import-column][data-column="2"]').selectOption('certified');
  await expect(page.getByTestId('import-problems')).toContainText('第 4 行');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await expect(preview).toHaveCount(0);
  expect(await kpis(page)).toEqual(before);
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
});

test('the report’s table 3 pasted from Word opens with its 38 records and both rates', async ({ page }) => {
  // Open something else first, so that the figures below come from the paste.
  await page.getByTestId('file-input').setInputFiles(path.resolve(__dirname, '../../docs/examples/minimal.json'));
  await expect(kpi(page, 'records')).toHaveText('1');
  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table3.tsv'), 'utf-8'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-skipped')).toContainText('重复的表头');
  await page.getByTestId('import-confirm').click();
  // (The dataset comes back from the import worker.)
  await expect(kpi(page, 'records')).toHaveText('38');
  expect(await kpis(page)).toEqual(['38', '3482', '2297', '72.16%', '65.97%']);
});

test('a table with the report’s own headings still opens at once', async ({ page }) => {
  const text = '申报计划\t证书名称\t证书等级\t报考人数\t获证人数\n2022年第一批\t物流管理\t初级\t40\t30\n';
  await paste(page, text);
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});

test('the report’s table 1 pasted over its table 3 merges in the majors and trainees, as one step undo takes back', async ({ page }) => {
  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table3.tsv'), 'utf-8'));
  await page.getByTestId('import-confirm').click();
  await expect(kpi(page, 'records')).toHaveText('38');
  const majors = page.getByTestId('kpi-registered').locator('xpath=..');
  await expect(majors).toContainText('涵盖 0 个专业');

  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table1.tsv'), 'utf-8'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // Table 1 alone is no dataset (it has no registered or certified), but it can be merged.
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await expect(page.getByTestId('import-merge-offer')).toContainText('38 条记录');
  await expect(page.getByTestId('import-unmatched').locator('li')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'import-merge.png') });
  await page.getByTestId('import-merge').click();
  await expect(preview).toHaveCount(0);
  // The built-in figures: 34 majors (the report prints 35), the same counts and rates.
  expect(await kpis(page)).toEqual(['38', '3482', '2297', '72.16%', '65.97%']);
  await expect(majors).toContainText('涵盖 34 个专业');

  await page.getByTestId('undo').click();
  await expect(majors).toContainText('涵盖 0 个专业');
  await page.getByTestId('redo').click();
  await expect(majors).toContainText('涵盖 34 个专业');
});
