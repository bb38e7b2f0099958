// Every figure a clerk copies from the page: the charts' data tables (registered, the rate's
// base, certified, the rate), one rule for pending results under either rate, exports of the
// records shown or of all, English labels; and how the page behaves around them: back after a
// search, a second click on a bar, numbers typed as people type them, a link to data that is
// not in this browser.
import { type Locator, type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);
const checkbox = (page: Page, group: string, value: string) =>
  page.getByTestId(group).locator(`input[type=checkbox][value="${value}"]`);

/** The data table of one chart, opened. */
async function chartTable(page: Page, chart: string): Promise<Locator> {
  const section = page.getByTestId(`${chart}-section`);
  await section.locator('summary').click();
  // The table is built by a chunk of its own (加载中… until it is there).
  const table = section.getByTestId('chart-table');
  await expect(table.getByTestId('chart-table-row').first()).toBeVisible();
  return table;
}

/** The cells of one row of a chart's data table, by field. */
async function tableRow(table: Locator, key: string) {
  const row = table.locator(`[data-testid="chart-table-row"][data-key="${key}"]`);
  await expect(row).toHaveCount(1);
  const cell = async (field: string) => ((await row.locator(`td[data-field="${field}"]`).textContent()) ?? '').trim();
  return {
    registered: await cell('registered'),
    rate_base: await cell('rate_base'),
    certified: await cell('certified'),
    rate: await cell('rate'),
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('a chart table gives the registered count and, apart, the base of the rate', async ({ page }) => {
  const byBatch = await chartTable(page, 'chart-by-group');
  expect(await tableRow(byBatch, '2021年第一批')).toEqual({
    registered: '1531',
    rate_base: '1331',
    certified: '1128',
    rate: expect.stringMatching(/%$/),
  });
  await expect(byBatch.locator('th[data-field="rate_base"]')).toHaveText('已公布成绩的报考人数（n）');

  await page.getByTestId('group-by').getByText('按专业').click();
  const byMajor = page.getByTestId('chart-by-group-section').getByTestId('chart-table');
  expect(await tableRow(byMajor, '610209 数字展示技术')).toEqual({
    registered: '200',
    rate_base: '0',
    certified: '未出成绩',
    rate: '未出成绩',
  });

  // The other charts' tables carry the same fields.
  const pass = await chartTable(page, 'chart-pass-rate');
  expect(await tableRow(pass, '数字创意建模职业技能等级证书 · 中级')).toEqual({
    registered: '200',
    rate_base: '0',
    certified: '未出成绩',
    rate: '未出成绩',
  });
  const counts = await chartTable(page, 'chart-registered-certified');
  await expect(counts.getByTestId('chart-table-row')).toHaveCount(38);
});

test('pending results are pending under either rate, in every view', async ({ page }) => {
  await page.getByTestId('rate-definition').getByText('通过率：全部报考').click();
  await page.getByTestId('group-by').getByText('按专业').click();
  const byMajor = await chartTable(page, 'chart-by-group');
  for (const major of ['610209 数字展示技术', '610216 虚拟现实应用技术', '650104 数字媒体艺术设计', '610210 数字媒体应用技术']) {
    const row = await tableRow(byMajor, major);
    expect(row.rate, major).toBe('未出成绩');
    expect(row.rate_base, major).toBe('200');
    expect(row.registered, major).toBe('200');
  }
  const pass = await chartTable(page, 'chart-pass-rate');
  expect((await tableRow(pass, '数字创意建模职业技能等级证书 · 中级')).rate).toBe('未出成绩');
  // The whole set has published results, so its rate follows the definition.
  await expect(kpi(page, 'pass-rate-all')).toHaveText('65.97%');

  // Filtered to the pending pilot alone: no rate under either definition, KPIs and summary alike.
  await page.getByTestId('filter-search').fill('数字创意建模');
  await checkbox(page, 'filter-level', '中级').check();
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(kpi(page, 'pass-rate')).toHaveText('未出成绩');
  await expect(kpi(page, 'pass-rate-all')).toHaveText('未出成绩');
  await expect(page.getByTestId('summary')).toContainText('成绩尚未公布');
  await expect(page.getByTestId('summary')).not.toContainText('0.00%');
  const one = page.getByTestId('chart-by-group-section').getByTestId('chart-table');
  for (const cell of await one.locator('td[data-field="rate"]').allTextContents()) expect(cell.trim()).toBe('未出成绩');
});

test('back after a search goes to the view before the search, not past it', async ({ page }) => {
  await checkbox(page, 'filter-level', '初级').check();
  await expect(page).toHaveURL(/level=/);
  await checkbox(page, 'filter-batch', '2021年沿用批次').check();
  await expect(page).toHaveURL(/batch=/);
  const search = page.getByTestId('filter-search');
  await search.pressSequentially('物流', { delay: 50 });
  await expect(page).toHaveURL(/q=%E7%89%A9%E6%B5%81/);

  await page.goBack();
  await expect(page).toHaveURL(/level=.*batch=|batch=.*level=/);
  await expect(page).not.toHaveURL(/q=/);
  await expect(checkbox(page, 'filter-batch', '2021年沿用批次')).toBeChecked();
  await expect(search).toHaveValue('');
  await page.goBack();
  await expect(checkbox(page, 'filter-batch', '2021年沿用批次')).not.toBeChecked();
  await expect(checkbox(page, 'filter-level', '初级')).toBeChecked();
  await page.goForward();
  await page.goForward();
  await expect(search).toHaveValue('物流');
});

test('a second click on the same bar removes what the first click set', async ({ page }) => {
  const canvas = page.getByTestId('chart-pass-rate');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  // The first bar's row: 34 px of legend, then rows of 28 px.
  const point = { x: box.width / 2, y: 34 + 14 };
  await canvas.click({ position: point });
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(page.getByTestId('filter-search')).not.toHaveValue('');
  await canvas.click({ position: point });
  await expect(kpi(page, 'records')).toHaveText('38');
  await expect(page.getByTestId('filter-search')).toHaveValue('');
  await expect(page).not.toHaveURL(/level=|batch=|q=/);

  // A group bar too: batch on, then off, other filters kept.
  await checkbox(page, 'filter-level', '初级').check();
  const groups = page.getByTestId('chart-by-group');
  await groups.scrollIntoViewIfNeeded();
  await groups.click({ position: { x: 200, y: 34 + 14 } });
  await expect(page).toHaveURL(/batch=/);
  await groups.click({ position: { x: 200, y: 34 + 14 } });
  await expect(page).not.toHaveURL(/batch=/);
  await expect(checkbox(page, 'filter-level', '初级')).toBeChecked();
});

test('number boxes read numbers as Chinese input methods and spreadsheets write them', async ({ page }) => {
  const registered = page.getByTestId('record-row').first().locator('input[name=registered]');
  for (const [typed, shown, total] of [
    ['６０', '60', '3492'],
    ['1,200', '1200', '4632'],
    ['60人', '60', '3492'],
  ]) {
    await registered.fill(typed);
    await expect(page.getByTestId('record-row').first().getByTestId('field-error')).toHaveCount(0);
    await registered.press('Enter');
    await expect(registered).toHaveValue(shown);
    await expect(kpi(page, 'registered')).toHaveText(total);
  }
  // Still refused: what is not a count.
  await registered.fill('六十');
  await expect(page.getByTestId('record-row').first().getByTestId('field-error')).toHaveText('请填写不小于 0 的整数');
  await registered.press('Escape');
});

test('an error bubble does not cover the next row, and boxes look editable before focus', async ({ page }) => {
  const first = page.getByTestId('record-row').first();
  const next = page.getByTestId('record-row').nth(1);
  await first.locator('input[name=registered]').fill('-3');
  const bubble = first.getByTestId('field-error');
  await expect(bubble).toBeVisible();
  const b = (await bubble.boundingBox())!;
  const nextBox = (await next.locator('input[name=registered]').boundingBox())!;
  const overlaps = b.y < nextBox.y + nextBox.height && nextBox.y < b.y + b.height && b.x < nextBox.x + nextBox.width && nextBox.x < b.x + b.width;
  expect(overlaps, 'the bubble leaves the next row’s box free').toBe(false);
  await first.locator('input[name=registered]').press('Escape');

  const unfocused = next.locator('input[name=certified]');
  const border = await unfocused.evaluate((el) => getComputedStyle(el).borderBottomColor);
  expect(border).not.toBe('rgba(0, 0, 0, 0)');
});

test('exports offer the records shown or all of them, and say which in the name', async ({ page }) => {
  await checkbox(page, 'filter-level', '中级').check();
  await expect(kpi(page, 'records')).toHaveText('34');
  const save = async (id: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId(id).first().click();
    const file = await download;
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf-8') };
  };
  await expect(page.getByTestId('export-scope')).toHaveValue('shown');
  const shown = await save('export-csv');
  expect(shown.name).toContain('筛选后 34 条，共 38 条');
  expect(shown.text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(35);
  const json = await save('export-json');
  expect(json.name).toContain('筛选后 34 条');
  expect(JSON.parse(json.text).records).toHaveLength(34);

  await page.getByTestId('export-scope').selectOption('all');
  const all = await save('export-csv');
  expect(all.name).toContain('全部 38 条');
  expect(all.text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(39);

  // Without a filter there is nothing to choose and the name is the title's.
  await checkbox(page, 'filter-level', '中级').uncheck();
  await expect(page.getByTestId('export-scope')).toHaveCount(0);
  expect((await save('export-csv')).name).toMatch(/^2021年“1\+X”证书制度试点工作报告-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('English mode has the report-level figures, the search hint and tooltips in English', async ({ page }) => {
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const figures = page.locator('.pb-summary__list');
  await expect(figures).toContainText('Teachers qualified as assessors');
  await expect(figures).not.toContainText('取得考评员资格的教师');
  await expect(figures).toContainText('over 2,600,000');
  const search = page.getByTestId('filter-search');
  const fits = await search.evaluate((el: HTMLInputElement) => {
    const context = document.createElement('canvas').getContext('2d')!;
    const style = getComputedStyle(el);
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(el.placeholder).width <= room;
  });
  expect(fits, 'the placeholder is not cut').toBe(true);

  // The tooltip of a pending bar says so once, in English.
  const canvas = page.getByTestId('chart-pass-rate');
  await canvas.scrollIntoViewIfNeeded();
  const pass = await chartTable(page, 'chart-pass-rate');
  const keys = await pass.getByTestId('chart-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
  const pending = keys.indexOf('数字创意建模职业技能等级证书 · Intermediate');
  expect(pending).toBeGreaterThan(0);
  await canvas.hover({ position: { x: 300, y: 34 + 28 * pending + 14 } });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('200 registered, results pending');
  await expect(tooltip).not.toContainText('pending certified');
  await expect(tooltip).not.toContainText('pass rate Pending');
});

test('a link to a view of data this browser does not hold says so and shows the data here unfiltered', async ({ page, browser }) => {
  const bytes = fs.readFileSync(path.resolve(__dirname, '../../docs/examples/minimal.json'));
  await page.getByTestId('file-input').setInputFiles({ name: 'minimal.json', mimeType: 'application/json', buffer: bytes });
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await checkbox(page, 'filter-level', (await page.getByTestId('filter-level').locator('input').first().getAttribute('value'))!).check();
  await expect(page).toHaveURL(/dataset=[^&]*%7E[0-9a-f]{8}/);
  const link = page.url();

  // Another browser (a fresh context: nothing stored) opens the link.
  const other = await browser.newContext({ locale: 'zh-CN' });
  const elsewhere = await other.newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByTestId('link-data-missing')).toBeVisible();
  await expect(elsewhere.getByTestId('link-data-missing')).toContainText('最小示例：一个试点');
  await expect(elsewhere.getByTestId('link-data-missing')).toContainText('打开数据文件');
  await expect(elsewhere.getByTestId('kpi-records')).toHaveText('38');
  await expect(elsewhere.getByTestId('filter-level').locator('input:checked')).toHaveCount(0);

  // With the file opened there, the link opens the view.
  await elsewhere.getByTestId('file-input').setInputFiles({ name: 'minimal.json', mimeType: 'application/json', buffer: bytes });
  await expect(elsewhere.getByTestId('link-data-missing')).toHaveCount(0);
  await elsewhere.goto(link);
  await expect(elsewhere.getByTestId('link-data-missing')).toHaveCount(0);
  await expect(elsewhere.getByTestId('filter-level').locator('input:checked')).toHaveCount(1);
  await other.close();

  // The same link in the first browser opens as it was.
  await page.reload();
  await expect(page.getByTestId('link-data-missing')).toHaveCount(0);
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
});
