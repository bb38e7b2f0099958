// The dashboard, driven as a user does: filters (checked against figures computed here from
// the data file itself), the view in the address, and the charts on their canvases.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'target/screenshots');

type Row = {
  batch: string;
  certificate: string;
  level: string;
  majors: { code: string; name: string }[];
  registered: number;
  certified: number | null;
};
const data: { records: Row[] } = JSON.parse(
  fs.readFileSync(path.join(root, 'data/report-2021.json'), 'utf-8'),
);

/** The KPI texts the app should show for these records, computed independently. */
function expected(rows: Row[]) {
  const registered = rows.reduce((s, r) => s + r.registered, 0);
  const certified = rows.reduce((s, r) => s + (r.certified ?? 0), 0);
  const published = rows.filter((r) => r.certified !== null).reduce((s, r) => s + r.registered, 0);
  const rate = (part: number, whole: number) =>
    whole === 0 ? '--' : `${(Math.round((part * 10000) / whole) / 100).toFixed(2)}%`;
  return {
    records: String(rows.length),
    registered: String(registered),
    certified: String(certified),
    pending: String(registered - published),
    passRate: rate(certified, published),
    passRateAll: rate(certified, registered),
  };
}

async function kpis(page: Page) {
  const read = async (id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();
  return {
    records: await read('kpi-records'),
    registered: await read('kpi-registered'),
    certified: await read('kpi-certified'),
    pending: await read('kpi-pending'),
    passRate: await read('kpi-pass-rate'),
    passRateAll: await read('kpi-pass-rate-all'),
  };
}

const checkbox = (page: Page, group: string, value: string) =>
  page.getByTestId(group).locator(`input[type=checkbox][value="${value}"]`);

let problems: string[];

test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  fs.mkdirSync(shots, { recursive: true });
});

test.afterEach(() => expect(problems, 'no console errors').toEqual([]));

test('filters by level, batch, major and name, with counts and chips', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');

  // One checkbox per distinct value, in data order, labelled with what it would match.
  const batchValues = await page.getByTestId('filter-batch').locator('input').evaluateAll((els) =>
    els.map((e) => (e as HTMLInputElement).value),
  );
  expect(batchValues).toEqual(['2021年第一批', '2021年沿用批次', '2021年第二批']);
  await expect(page.getByTestId('filter-level')).toContainText('中级 (34)');
  await expect(page.getByTestId('filter-major').locator('input')).toHaveCount(34);

  await checkbox(page, 'filter-level', '初级').check();
  expect(await kpis(page)).toEqual(expected(data.records.filter((r) => r.level === '初级')));
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await expect(page.getByTestId('record-row')).toHaveCount(3);
  // Counts of the other dimensions follow the level filter.
  await expect(page.getByTestId('filter-batch')).toContainText('2021年第一批 (2)');
  await expect(page.getByTestId('filter-batch')).toContainText('2021年第二批 (0)');

  await page.getByTestId('filter-clear').click();
  await checkbox(page, 'filter-batch', '2021年第二批').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  await expect(page.getByTestId('kpi-registered')).toHaveText('0');
  await expect(page.getByTestId('kpi-pass-rate')).toHaveText('--');
  await expect(page.getByTestId('kpi-pass-rate-all')).toHaveText('--');

  // OR within a dimension, AND across.
  await checkbox(page, 'filter-batch', '2021年第一批').check();
  const firstOrSecond = data.records.filter((r) => r.batch === '2021年第一批' || r.batch === '2021年第二批');
  expect(await kpis(page)).toEqual(expected(firstOrSecond));
  await page.getByPlaceholder('查找专业：代码或名称').fill('会计');
  await expect(page.getByTestId('filter-major').locator('input')).toHaveCount(1);
  await checkbox(page, 'filter-major', '630302').check();
  const accounting = firstOrSecond.filter((r) => r.majors.some((m) => m.code === '630302'));
  expect(await kpis(page)).toEqual(expected(accounting));
  // The whole list again: the tick stays, and the counts follow the filter.
  await page.getByPlaceholder('查找专业：代码或名称').fill('');
  await expect(page.getByTestId('filter-major').locator('input')).toHaveCount(34);
  await expect(checkbox(page, 'filter-major', '630302')).toBeChecked();
  await expect(page.getByTestId('filter-major').locator('label', { hasText: '630302' })).toContainText(
    `(${accounting.length})`,
  );

  // The chips name every active filter, and each can be removed.
  const chips = page.locator('.pb-chip');
  await expect(chips).toHaveCount(3);
  await page.getByRole('button', { name: '移除筛选 批次：2021年第二批' }).click();
  await expect(chips).toHaveCount(2);
  await page.getByTestId('filter-clear').click();
  await expect(chips).toHaveCount(0);
  expect(await kpis(page)).toEqual(expected(data.records));

  await page.getByTestId('filter-search').fill('web');
  const web = data.records.filter((r) => r.certificate.toLowerCase().includes('web'));
  expect(await kpis(page)).toEqual(expected(web));
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
});

test('the view lives in the address: links, reload, back and forward', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await checkbox(page, 'filter-level', '初级').check();
  await expect(page).toHaveURL(/level=%E5%88%9D%E7%BA%A7/);
  await checkbox(page, 'filter-batch', '2021年沿用批次').check();
  await page.getByTestId('group-by').getByText('按专业').click();
  await page.getByTestId('rate-definition').getByText('通过率：全部报考').click();
  await expect(page).toHaveURL(/group=major/);
  await expect(page).toHaveURL(/rate=all/);
  const both = expected(data.records.filter((r) => r.level === '初级' && r.batch === '2021年沿用批次'));
  expect(await kpis(page)).toEqual(both);

  // A copied link opens the same view in another tab.
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('kpi-records')).toHaveText(both.records);
  await expect(checkbox(other, 'filter-level', '初级')).toBeChecked();
  await expect(other.getByTestId('group-by').locator('input[value=major]')).toBeChecked();
  await expect(other.getByTestId('rate-definition').locator('input[value=all]')).toBeChecked();
  await other.close();

  // A reload keeps it.
  await page.reload();
  expect(await kpis(page)).toEqual(both);

  // Back and forward step through the filter changes.
  await page.goBack(); // before the rate switch
  await expect(page.getByTestId('rate-definition').locator('input[value=published]')).toBeChecked();
  await page.goBack(); // before the grouping
  await page.goBack(); // before the batch
  expect(await kpis(page)).toEqual(expected(data.records.filter((r) => r.level === '初级')));
  await expect(checkbox(page, 'filter-batch', '2021年沿用批次')).not.toBeChecked();
  await page.goBack(); // no filter
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await page.goForward();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await expect(checkbox(page, 'filter-level', '初级')).toBeChecked();
});

test('charts are drawn crisp, show tooltips and filter on click', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  for (const id of ['chart-pass-rate', 'chart-registered-certified', 'chart-by-group']) {
    const canvas = page.getByTestId(id);
    await expect(canvas).toBeVisible();
    const size = await canvas.evaluate((c: HTMLCanvasElement) => ({
      width: c.width,
      cssWidth: c.getBoundingClientRect().width,
      height: c.height,
      cssHeight: c.getBoundingClientRect().height,
      painted: (() => {
        const ctx = c.getContext('2d')!;
        const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4 * 97) if (pixels[i] < 200) ink++;
        return ink;
      })(),
    }));
    expect(size.width).toBe(Math.round(size.cssWidth * 2));
    expect(size.height).toBe(Math.round(size.cssHeight * 2));
    expect(size.painted, `${id} has ink on it`).toBeGreaterThan(100);
  }

  // Hover the first bar (rows start 34 px down and are 28 px tall).
  const chart = page.getByTestId('chart-pass-rate');
  await chart.hover({ position: { x: 600, y: 34 + 14 } });
  await expect(page.getByRole('tooltip')).toContainText('无人机摄影测量 · 中级：报考 80 人，获证 80，通过率 100.00%');
  await chart.click({ position: { x: 600, y: 34 + 14 } });
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  await expect(page.getByTestId('record-row').locator('input[name=certificate]')).toHaveValue(/无人机摄影测量/);

  // After a resize the canvas is redrawn at the new width.
  await page.getByTestId('filter-clear').click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect
    .poll(() => chart.evaluate((c: HTMLCanvasElement) => c.width / 2 - c.getBoundingClientRect().width))
    .toBe(0);
  await context.close();
});

test('the group chart follows its grouping, and its table holds the figures', async ({ page }) => {
  await page.goto('./?group=level');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const figure = page.locator('figure', { has: page.getByTestId('chart-by-group') });
  await figure.getByText('数据表').click();
  const rows = figure.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('初级');
  await expect(rows.nth(0)).toContainText('100.00%');
  await expect(rows.nth(1)).toContainText('71.76%');
  await rows.nth(2).getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  await expect(checkbox(page, 'filter-level', '高级')).toBeChecked();
});

test('a reconciliation warning filters to its record', async ({ page }) => {
  await page.goto('./');
  await page.getByText('需要留意的记录').click();
  const warning = page.getByTestId('reconciliation').locator('li', { hasText: '社交电商运营' });
  await warning.getByTestId('warning-focus').click();
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  await expect(page.getByTestId('record-row').locator('input[name=certificate]')).toHaveValue('社交电商运营职业技能等级证书');
});

test('a long list of warnings is shown a hundred at a time', async ({ page }) => {
  // 260 records whose results are pending: a warning each.
  const file = JSON.parse(fs.readFileSync(path.join(root, 'data/report-2021.json'), 'utf-8'));
  const template = file.records[0];
  file.records = Array.from({ length: 260 }, (_, i) => ({
    ...template,
    certificate: `${template.certificate}（${i + 1}）`,
    certified: null,
    reported_pass_rate_percent: null,
  }));
  delete file.reported_totals;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles({
    name: 'many.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByTestId('kpi-records')).toHaveText('260');
  const panel = page.getByTestId('reconciliation');
  await expect(panel.getByTestId('warning-focus')).toHaveCount(0);
  await panel.getByText('需要留意的记录（260 条）').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(100);
  await expect(panel.getByTestId('warnings-more')).toHaveText('再显示 100 条（共 260 条）');
  await panel.getByTestId('warnings-more').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(200);
  await expect(panel.getByTestId('warnings-more')).toHaveText('再显示 60 条（共 260 条）');
  await panel.getByTestId('warnings-more').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(260);
  await expect(panel.getByTestId('warnings-more')).toHaveCount(0);
  // Closed and opened again, the list starts at its first hundred.
  await panel.getByText('需要留意的记录（260 条）').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(0);
  await panel.getByText('需要留意的记录（260 条）').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(100);
  await panel.getByTestId('warnings-more').click();
  await panel.getByTestId('warnings-more').click();
  await expect(panel.getByTestId('warning-focus')).toHaveCount(260);
  // The last one still filters to its record.
  await panel.getByTestId('warning-focus').last().click();
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  await expect(page.getByTestId('record-row').locator('input[name=certificate]')).toHaveValue(
    `${template.certificate}（260）`,
  );
});

for (const [width, height] of [
  [1280, 800],
  [1024, 768],
]) {
  test(`screenshots of each chart at ${width}×${height}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto('./?group=major');
    await expect(page.getByTestId('kpi-records')).toHaveText('38');
    for (const id of ['chart-pass-rate', 'chart-registered-certified', 'chart-by-group']) {
      const figure = page.locator('figure', { has: page.getByTestId(id) });
      await figure.screenshot({ path: path.join(shots, `${id}-${width}x${height}.png`) });
    }
    await page.screenshot({ path: path.join(shots, `dashboard-${width}x${height}.png`) });
    await context.close();
  });
}

test('a major under its old and its new code is one major: counted, listed and filtered once', async ({ page }) => {
  // A changeover year's file: the last record naming 软件技术 writes the 2021 catalogue's new
  // code, 510203, where the others keep 610205.
  const changed = JSON.parse(fs.readFileSync(path.join(root, 'data/report-2021.json'), 'utf-8'));
  const records: Row[] = changed.records;
  const last = records.map((r) => r.majors.some((m) => m.code === '610205')).lastIndexOf(true);
  for (const m of records[last].majors) if (m.code === '610205') m.code = '510203';
  changed.title = '2022年试点（专业代码调整）';
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await page.getByTestId('file-input').setInputFiles({
    name: 'changeover.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(changed), 'utf-8'),
  });
  await expect(page.getByTestId('dataset-title')).toHaveText('2022年试点（专业代码调整）');
  await expect(page.getByTestId('kpi-registered').locator('xpath=..')).toContainText('涵盖 34 个专业');
  const majors = page.getByTestId('filter-major');
  await expect(majors.locator('input')).toHaveCount(34);
  const software = majors.locator('label', { hasText: '软件技术' });
  await expect(software).toHaveCount(1);
  await expect(software).toContainText('610205 / 510203 软件技术');
  await software.locator('input').check();
  const expectedRows = records.filter((r) => r.majors.some((m) => m.name === '软件技术'));
  await expect(page.getByTestId('kpi-records')).toHaveText(String(expectedRows.length));
  // The reconciliation says why it is counted once.
  const note = page.getByTestId('reconciliation-major-codes');
  await note.scrollIntoViewIfNeeded();
  await expect(note).toContainText('“软件技术”在数据中有 2 个专业代码（610205、510203）');
  await expect(note).toContainText('按名称计为一个专业');
});
