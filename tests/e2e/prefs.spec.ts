// The reader's preferences, driven as a user does: the interface language switches the whole
// page at once and is remembered over a reload; so is the colour theme.
import { test, expect } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
});

const chineseKpiLabels = [
  '证书等级（各批次）',
  '报考人数',
  '获证人数',
  '待出成绩',
  '通过率（已公布）',
  '通过率（全部报考）',
];
const englishKpiLabels = [
  'Certificate levels (by batch)',
  'Registered',
  'Certified',
  'Results pending',
  'Pass rate (published)',
  'Pass rate (all registered)',
];

test('the interface switches to English at once, stays so over a reload, and back', async ({ page }) => {
  const html = page.locator('html');
  const lang = page.getByTestId('lang');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(lang).toHaveAttribute('data-lang', 'zh');
  await expect(lang).toHaveText('English');
  await expect(page.locator('.pb-kpi__label')).toHaveText(chineseKpiLabels);

  // A filter chosen before the switch is kept through it.
  await page.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');

  await lang.click();

  // The root element, the switch itself and the browser tab.
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(lang).toHaveAttribute('data-lang', 'en');
  await expect(lang).toHaveText('中文');
  await expect(page).toHaveTitle(/ · 1\+X Pilot Board$/);

  // The header.
  await expect(page.getByTestId('export-json')).toHaveText('Export JSON');
  await expect(page.getByTestId('export-csv')).toHaveText('Export CSV');
  await expect(page.locator('.pb-header__source')).toHaveText('Built-in data');
  await expect(page.getByTestId('as-of')).toHaveText('Data as of 31 Dec 2021');
  await expect(page.locator('.pb-theme-switch')).toContainText('Theme');

  // The filters: labels in English, values as the data writes them, the filter unchanged.
  const levels = page.getByTestId('filter-level');
  await expect(levels.locator('legend')).toHaveText('Level');
  await expect(levels).toContainText('Elementary (3)');
  await expect(levels).toContainText('Intermediate (34)');
  await expect(levels.locator('input[type=checkbox][value="初级"]')).toBeChecked();
  await expect(page.getByTestId('filter-batch').locator('legend')).toHaveText('Batch');
  await expect(page.getByTestId('filter-matched')).toHaveText('3 of 38 records');
  await expect(page.locator('.pb-chip')).toHaveText(['Level: Elementary×']);
  await expect(page.getByRole('button', { name: 'Remove filter Level: Elementary' })).toBeVisible();
  await expect(page.getByTestId('filter-clear')).toHaveText('Clear all filters');
  await expect(page.getByPlaceholder('Find a major: code or name')).toBeVisible();

  // The key figures: labels in English, counts with thousands separators.
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('filter-matched')).toHaveText('All 38 records');
  await expect(page.locator('.pb-kpi__label')).toHaveText(englishKpiLabels);
  await expect(page.getByTestId('kpi-registered')).toHaveText('3,482');
  await expect(page.getByTestId('kpi-certified')).toHaveText('2,297');
  await expect(page.getByTestId('kpi-pass-rate')).toHaveText('72.16%');
  await expect(page.getByTestId('kpi-pass-rate-all')).toHaveText('65.97%');
  // The switches read as English sentences.
  await expect(page.getByTestId('present-groups').locator('xpath=..')).toHaveText('Add a slide for each batch');
  await expect(page.locator('label', { has: page.getByTestId('export-tall') })).toHaveText(
    'Tall charts as one picture, not pages',
  );

  // The records table and its pager.
  await expect(page.getByTestId('undo')).toContainText('Undo');
  await expect(page.getByTestId('sort-registered')).toContainText('Registered');
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await expect(pager).toContainText('1–38 of 38');
  await expect(pager.getByRole('button', { name: 'Next' })).toBeDisabled();

  // Remembered in this browser.
  await page.reload();
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lang')).toHaveAttribute('data-lang', 'en');
  await expect(page.locator('.pb-kpi__label')).toHaveText(englishKpiLabels);
  await expect(page.getByTestId('kpi-registered')).toHaveText('3,482');
  await expect(page.getByTestId('filter-matched')).toHaveText('All 38 records');

  // And back to Chinese, at once and after a reload.
  await page.getByTestId('lang').click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lang')).toHaveText('English');
  await expect(page.locator('.pb-kpi__label')).toHaveText(chineseKpiLabels);
  await expect(page.getByTestId('kpi-registered')).toHaveText('3482');
  await expect(page.getByTestId('filter-level')).toContainText('中级 (34)');
  await expect(page.getByTestId('filter-matched')).toHaveText('全部 38 条记录');
  await expect(page.getByTestId('as-of')).toHaveText('数据截至 2021年12月31日');
  await expect(page).toHaveTitle(/ · 1\+X 试点看板$/);
  await page.reload();
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lang')).toHaveAttribute('data-lang', 'zh');
});

test('the colour theme is picked from the header and kept over a reload', async ({ page }) => {
  const html = page.locator('html');
  const theme = page.getByTestId('theme');
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect(theme).toHaveValue('system');
  await expect(theme.locator('option')).toHaveText(['跟随系统', '浅色', '深色', '高对比度']);

  await theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(theme).toHaveValue('dark');

  // The theme's names follow the language; the choice does not change with them.
  await page.getByTestId('lang').click();
  await expect(theme.locator('option')).toHaveText(['System', 'Light', 'Dark', 'High contrast']);
  await expect(theme).toHaveValue('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await theme.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
});
