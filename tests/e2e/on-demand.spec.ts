// The split build: what the first screen does not show loads on demand, from chunks named by
// their content; a chunk that cannot be fetched is a message with a way to try again, never a
// page that stops working.
import { test, expect, type Page } from '@playwright/test';

const chunk = (name: string) => new RegExp(`/split_${name}-[0-9a-f]+\\.wasm$`);

async function watched(page: Page): Promise<string[]> {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d+/);
  // The rest of the page comes right after the first screen.
  await expect(page.getByTestId('lang')).toBeVisible();
  await expect(page.getByTestId('record-row').first()).toBeAttached();
  return requested;
}

test('the first screen fetches the rest of the page, and nothing of files, exports or slides until used', async ({ page }) => {
  const requested = await watched(page);
  expect(requested.some((p) => chunk('rest').test(p)), 'the rest of the page').toBe(true);
  for (const name of ['files', 'exports', 'present', 'work']) {
    expect(requested.filter((p) => chunk(name).test(p)), `${name} before use`).toEqual([]);
  }
  const waiting = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  await waiting;
  expect(requested.some((p) => chunk('exports').test(p)), 'exports on the first export').toBe(true);
  await page.getByTestId('present').click();
  await expect(page.getByTestId('slide')).toBeVisible();
  expect(requested.some((p) => chunk('present').test(p)), 'slides on the first presentation').toBe(true);
  expect(requested.filter((p) => chunk('files').test(p)), 'files, never opened').toEqual([]);
});

test('an export whose chunk cannot be fetched says so, changes nothing, and works once it can', async ({ page }) => {
  let blocked = true;
  await page.route(chunk('exports'), (route) => (blocked ? route.abort() : route.continue()));
  await watched(page);
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-pass-rate') });
  await chart.getByTestId('export-png').click();
  const alert = page.getByTestId('on-demand-failed');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('未能加载');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  // The page still answers.
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await alert.getByRole('button').click();
  await expect(alert).toBeHidden();

  blocked = false;
  const waiting = page.waitForEvent('download');
  await chart.getByTestId('export-png').click();
  expect((await waiting).suggestedFilename()).toMatch(/\.png$/);
});

test('when the rest of the page cannot be fetched, the first screen works and 重试 brings the rest', async ({ page }) => {
  let blocked = true;
  await page.route(chunk('rest'), (route) => (blocked ? route.abort() : route.continue()));
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d+/);
  const failed = page.getByTestId('on-demand-failed');
  await expect(failed.first()).toBeVisible();
  await expect(page.getByTestId('lang')).toHaveCount(0);
  // The filters and the first chart still work.
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');

  await page.screenshot({ path: '../../target/screenshots/on-demand-failed.png' });

  // One 重试 brings every part: the others try again once one chunk has come.
  blocked = false;
  await failed.first().getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('lang')).toBeVisible();
  await expect(page.getByTestId('chart-by-group')).toHaveAttribute('data-draw-count', /\d+/);
  await expect(page.getByTestId('record-row').first()).toBeAttached();
  await expect(failed).toHaveCount(0);
});
