// What every end-to-end test of the app shares: a page whose console errors and uncaught
// exceptions fail the test.
import { test as base, expect, type Page } from '@playwright/test';

/** Collects a page's console errors and uncaught exceptions into `into`. */
export function watchErrors(page: Page, into: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(message.text());
  });
  page.on('pageerror', (error) => into.push(String(error)));
}

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchErrors(page, errors);
      await use(errors);
      expect(errors, 'no console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A key figure's card. */
export const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

/** Every key figure, as shown. */
export async function kpis(page: Page) {
  const out: string[] = [];
  for (const name of ['records', 'registered', 'certified', 'pending', 'pass-rate', 'pass-rate-all']) {
    out.push(((await kpi(page, name).textContent()) ?? '').trim());
  }
  return out;
}

/** The built-in report with one edit (the first record's registered, to 81) on a view with a
 * filter (初级, 3 records); its key figures. */
export async function editedAndFiltered(page: Page) {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
  const input = page.getByTestId('record-row').first().locator('input[name=registered]');
  await input.fill('81');
  await input.press('Enter');
  await page.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').check();
  await expect(kpi(page, 'records')).toHaveText('3');
  return kpis(page);
}
