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
  await expect(compare.getByTestId('compare-sentence')).toHaveText(
    '与2021年相比，报考人数减少517人（−14.8%），已公布成绩的通过率下降12.9个百分点（72.16%→59.29%）；新增证书等级4项，不再开展4项。',
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
  expect(file.suggestedFilename()).toBe('通过率对比.svg');
  const svg = fs.readFileSync((await file.path())!, 'utf-8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('建筑信息模型（BIM） · 中级');
  expect(svg).toContain('−5.20');
  expect(svg, 'the legend names the years').toMatch(/>\s*2021年\s*</);

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
});
