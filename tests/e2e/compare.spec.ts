// Year over year: the library keeps every dataset opened, and any two compare, matched by the
// naming rule, with the user's links and unlinks; all of it survives a reload.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures';

const example2022 = path.join(__dirname, '../../docs/examples/report-2022.json');
const table2022 = path.join(__dirname, '../fixtures/report-2022.csv');

test('two years open into the library, compare, link and unlink, and survive a reload', async ({ page }) => {
  await page.goto('./');
  const items = page.getByTestId('dataset-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-title', '2021年“1+X”证书制度试点工作报告');
  // The list's style sheet came with its view, once (it is not in the first load's sheet).
  await expect(page.locator('style#pb-library-style')).toHaveCount(1);
  await expect(page.getByTestId('dataset-library')).toHaveCSS('margin-bottom', '20px');

  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(page.getByTestId('dataset-title')).toHaveText('2022年“1+X”证书制度试点工作报告');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText('37 条记录');
  await expect(items.nth(1)).toContainText('2022 年');

  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await expect(compare).toBeVisible();
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  // One college in both years: no warning.
  await expect(compare.getByTestId('compare-institution-warning')).toHaveCount(0);
  await expect(compare.getByTestId('compare-sentence')).toHaveText(
    '与2021年相比，报考人数减少517人（−14.8%），已公布成绩的通过率下降12.87个百分点（72.16%→59.29%）；新增证书等级4项，不再开展4项。',
  );
  const registered = compare.locator('[data-kpi=registered]');
  await expect(registered.getByTestId('compare-kpi-a')).toHaveText('3482');
  await expect(registered.getByTestId('compare-kpi-b')).toHaveText('2965');
  await expect(registered.getByTestId('compare-kpi-change')).toHaveText('−517（−14.8%）');
  await expect(compare.locator('[data-kpi=certified]').getByTestId('compare-kpi-b')).toHaveText('1758');

  // Spelled otherwise in 2022 (half-width brackets, no 职业技能等级证书), matched by the rule.
  const bim = compare.locator('[data-testid=compare-row][data-key="建筑信息模型(BIM)|中级"]');
  await expect(bim.getByTestId('compare-registered-a')).toHaveText('166');
  await expect(bim.getByTestId('compare-registered-b')).toHaveText('133');
  await expect(bim.getByTestId('compare-rate-a')).toHaveText('54.82%');
  await expect(bim.getByTestId('compare-rate-b')).toHaveText('49.62%');
  await expect(bim.getByTestId('compare-rate-change')).toHaveText('−5.20');
  const dropped = compare.locator('[data-testid=compare-row][data-key="电子商务数据分析|中级"]');
  await expect(dropped).toHaveAttribute('data-status', 'dropped');
  await expect(dropped.getByTestId('compare-rate-change')).toHaveText('--');

  // The rate chart: one dumbbell per row with a rate in both years (a change in the table),
  // and the same chart as an SVG file.
  const chart = compare.getByTestId('compare-chart-rate');
  await expect(chart).toBeVisible();
  const changes = compare.getByTestId('compare-rate-change').filter({ hasNotText: '--' });
  const rated = await changes.count();
  expect(rated).toBeGreaterThan(20);
  await expect(chart).toHaveAttribute('data-rows', String(rated));
  const download = page.waitForEvent('download');
  await compare.getByTestId('compare-chart-svg').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^通过率对比 2021年→2022年-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = fs.readFileSync((await file.path())!, 'utf-8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('建筑信息模型（BIM） · 中级');
  expect(svg).toContain('−5.20');
  expect(svg, 'the legend names the years').toMatch(/>\s*2021年\s*</);
  // Framed as the dashboard's pictures are: the chart's title and both datasets above it.
  expect(svg).toContain('各证书等级通过率');
  expect(svg).toContain('2021年“1+X”证书制度试点工作报告 → 2022年“1+X”证书制度试点工作报告');

  // PNG: a slide-sized picture for each slide's worth of rows, numbered.
  const pngs: string[] = [];
  const widths: number[] = [];
  const onDownload = async (d: import('@playwright/test').Download) => {
    pngs.push(d.suggestedFilename());
    const bytes = fs.readFileSync((await d.path())!);
    widths.push(bytes.readUInt32BE(16));
  };
  page.on('download', onDownload);
  await compare.getByTestId('compare-chart-png').click();
  const exported = compare.getByRole('status').filter({ hasText: 'PNG 文件' });
  await expect(exported).toHaveText(/^已导出 \d+ 个 PNG 文件$/);
  const count = Number((await exported.textContent())!.match(/\d+/)![0]);
  await expect.poll(() => widths.length).toBe(count);
  page.off('download', onDownload);
  expect(pngs.length).toBeGreaterThan(1);
  pngs.forEach((name, n) =>
    expect(name).toMatch(new RegExp(`^通过率对比 2021年→2022年 第${n + 1}页（共${pngs.length}页）-\\d{4}-\\d{2}-\\d{2}\\.png$`)),
  );
  expect(new Set(widths)).toEqual(new Set([1920]));

  // The registered chart: every row, both years' counts; a dropped pilot has no 2022 bar.
  const registeredChart = compare.getByTestId('compare-chart-registered');
  await expect(registeredChart).toHaveAttribute('data-rows', '41');
  const registeredFile = page.waitForEvent('download');
  await compare.getByTestId('compare-chart-registered-svg').click();
  const registeredSvg = fs.readFileSync((await (await registeredFile).path())!, 'utf-8');
  expect(registeredSvg).toContain('166 → 133');
  expect(registeredSvg).toMatch(/\d → --/);
  // The key figures' columns are headed by the years (the titles are in their tooltips).
  const heads = compare.getByTestId('compare-kpis').locator('thead th');
  await expect(heads.nth(1)).toHaveText('A · 2021年');
  await expect(heads.nth(2)).toHaveText('B · 2022年');

  // Link the renamed certificate, then take the link apart.
  await compare.getByTestId('compare-link-a').selectOption('电子商务数据分析|中级');
  await compare.getByTestId('compare-link-b').selectOption('电商数据分析|中级');
  await compare.getByTestId('compare-link').click();
  await expect(compare.getByTestId('compare-row')).toHaveCount(40);
  const linked = compare.locator('[data-testid=compare-row][data-key="电子商务数据分析|中级"]');
  await expect(linked).toHaveAttribute('data-status', 'both');
  await expect(linked.getByTestId('compare-registered-b')).toHaveText('202');
  await expect(chart).toHaveAttribute('data-rows', String(await changes.count()));

  // Sorted by the largest fall first; the address keeps it.
  await compare.getByTestId('compare-order').selectOption('fall');
  await expect(page).toHaveURL(/corder=fall/);
  await page.reload();
  await expect(items).toHaveCount(2);
  await expect(compare.getByTestId('compare-row')).toHaveCount(40);
  await expect(compare.getByTestId('compare-row').first().getByTestId('compare-rate-change')).toHaveText('−21.11');

  await linked.getByTestId('compare-unlink').click();
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  await page.reload();
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
});

test('a table opens into the library too, and a dataset removed comes back', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(table2022);
  const items = page.getByTestId('dataset-item');
  await expect(items).toHaveCount(2);
  await items.first().getByTestId('dataset-open').click();
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  const second = items.nth(1);
  page.once('dialog', (dialog) => dialog.accept());
  await second.getByTestId('dataset-remove').click();
  await expect(items).toHaveCount(1);
  await page.getByTestId('dataset-undo-remove').click();
  await expect(items).toHaveCount(2);
  await second.getByTestId('dataset-open').click();
  await expect(page.getByTestId('kpi-records')).toHaveText('37');
  await page.reload();
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('kpi-records')).toHaveText('37');

  // The table (2022) against a JSON file (2023): the same rule, the same figures.
  const tableTitle = (await second.getAttribute('data-title'))!;
  await page.getByTestId('file-input').setInputFiles(path.join(__dirname, '../fixtures/report-2023.json'));
  await expect(items).toHaveCount(3);
  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await compare.getByTestId('compare-a').selectOption({ label: tableTitle });
  await compare.getByTestId('compare-b').selectOption({ label: '2023年“1+X”证书制度试点工作报告' });
  const registered = compare.locator('[data-kpi=registered]');
  await expect(registered.getByTestId('compare-kpi-a')).toHaveText('2965');
  await expect(registered.getByTestId('compare-kpi-change')).toHaveText('−700（−23.6%）');
  const bim = compare.locator('[data-testid=compare-row][data-key="建筑信息模型(BIM)|中级"]');
  await expect(bim.getByTestId('compare-registered-a')).toHaveText('133');
  await expect(bim.getByTestId('compare-registered-b')).toHaveText('145');
  await expect(bim.getByTestId('compare-rate-a')).toHaveText('49.62%');
  await expect(bim.getByTestId('compare-rate-b')).toHaveText('46.90%');
  await expect(bim.getByTestId('compare-rate-change')).toHaveText('−2.72');
  await expect(compare.locator('[data-testid=compare-row][data-status=dropped]')).toHaveCount(4);
});

test('three years of one school add the totals over the years, under the same filters', async ({ page }) => {
  const example2023 = path.join(__dirname, '../fixtures/report-2023.json');
  await page.goto('./');
  const items = page.getByTestId('dataset-item');
  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(items).toHaveCount(2);
  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  // Two years: the comparison alone.
  await expect(compare.getByTestId('compare-series')).toHaveCount(0);

  await page.getByTestId('file-input').setInputFiles(example2023);
  await expect(items).toHaveCount(3);
  const series = compare.getByTestId('compare-series');
  await expect(series).toContainText('历年合计：某职业技术学院');
  const years = series.getByTestId('compare-series-row');
  await expect(years).toHaveCount(3);
  await expect(years.nth(0)).toHaveAttribute('data-year', '2021');
  await expect(years.nth(2)).toHaveAttribute('data-year', '2023');
  const figures = async (n: number) =>
    Promise.all(
      ['registered', 'certified', 'rate'].map((cell) =>
        years.nth(n).getByTestId(`compare-series-${cell}`).textContent(),
      ),
    );
  expect(await figures(0)).toEqual(['3482', '2297', '72.16%']);
  expect(await figures(1)).toEqual(['2965', '1758', '59.29%']);
  expect(await figures(2)).toEqual(['2265', '1513', '66.80%']);
  const chart = series.getByTestId('compare-chart-series');
  await expect(chart).toHaveAttribute('data-rows', '3');

  // The comparison's level filter applies to every year: each year's row is its side's figure.
  await compare.getByTestId('compare-a').selectOption({ label: '2021年“1+X”证书制度试点工作报告' });
  await compare.getByTestId('compare-b').selectOption({ label: '2022年“1+X”证书制度试点工作报告' });
  await compare.locator('[data-testid=compare-level][value=中级]').check();
  const registered = compare.locator('[data-kpi=registered]');
  const a = await registered.getByTestId('compare-kpi-a').textContent();
  const b = await registered.getByTestId('compare-kpi-b').textContent();
  expect(a).not.toBe('3482');
  await expect(years.nth(0).getByTestId('compare-series-registered')).toHaveText(a!);
  await expect(years.nth(1).getByTestId('compare-series-registered')).toHaveText(b!);

  await page.reload();
  await expect(years).toHaveCount(3);
  await expect(years.nth(0).getByTestId('compare-series-registered')).toHaveText(a!);
});

test('the comparison is presented as slides: the key figures, then each chart over its slides', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);
  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  const rated = await compare.getByTestId('compare-rate-change').filter({ hasNotText: '--' }).count();

  // The slides' sheet comes with the slides' chunk, not with the first load.
  const sheet = page.locator('style#pb-slides-style');
  await expect(sheet).toHaveCount(0);
  await compare.getByTestId('compare-present').click();
  const slide = page.getByTestId('slide');
  await expect(slide).toBeVisible();
  await expect(sheet).toHaveCount(1);
  await expect(slide).toHaveCSS('position', 'fixed');
  await expect(page.getByTestId('slide-title')).toHaveText('两年比较：2021年 → 2022年');
  const figures = page.getByTestId('compare-slide-figures');
  await expect(figures).toContainText('与2021年相比，报考人数减少517人（−14.8%）');
  await expect(figures.locator('[data-kpi=registered] td').last()).toHaveText('−517（−14.8%）');
  // The slide's type is the room's: larger than the page's.
  const size = await figures.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);

  // Each chart over as many slides as its rows need; every row once.
  const total = Number(await slide.getAttribute('data-slides'));
  const bars: Record<string, number> = {};
  for (let n = 1; n < total; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(slide).toHaveAttribute('data-slide', String(n));
    const canvas = page.getByTestId('slide-chart');
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(300);
    const title = (await page.getByTestId('slide-title').textContent())!.replace(/（\d+\/\d+）$/, '');
    bars[title] = (bars[title] ?? 0) + Number(await canvas.getAttribute('data-bars'));
  }
  expect(bars).toEqual({
    '各证书等级通过率：A（空心）→ B（实心）': rated,
    '各证书等级报考人数：A（浅色斜线）、B（深色）': 41,
  });
  await page.screenshot({ path: path.join(__dirname, '../../target/screenshots/compare-slide.png') });
  // P over the comparison's slides does not start the dashboard's.
  await page.keyboard.press('p');
  await expect(slide).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(slide).toHaveCount(0);
  await expect(compare.getByTestId('compare-present')).toBeVisible();
});

test('two colleges compared are said to be two, and a phone reads the comparison without sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.getByTestId('dataset-item')).toHaveCount(1);
  const other = JSON.parse(fs.readFileSync(example2022, 'utf-8'));
  other.institution = '另一所职业学院';
  await page.getByTestId('file-input').setInputFiles({
    name: 'other-2022.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other), 'utf-8'),
  });
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);
  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  const warning = compare.getByTestId('compare-institution-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('“某职业技术学院”');
  await expect(warning).toContainText('“另一所职业学院”');
  // Above the figures.
  const [w, s] = [await warning.boundingBox(), await compare.getByTestId('compare-sentence').boundingBox()];
  expect(w!.y).toBeLessThan(s!.y);
  // Nothing wider than the phone: the rows scroll in their own box, the key figures' labels
  // read by words, not two characters a line.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const label = compare.locator('[data-kpi=registered] th');
  const box = (await label.boundingBox())!;
  expect(box.width, 'the label column').toBeGreaterThan(80);
  // Its words on one line: the text's lines, not the row's height (other cells may wrap).
  const lines = await label.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines, '报考人数 on one line').toBe(1);
  await page.screenshot({ path: path.join(__dirname, '../../target/screenshots/compare-390x844.png'), fullPage: true });
});
