// The hostile corpus (tests/hostile), opened in the browser over edited work: each bad file is
// refused with a message, and the figures and the work stored in the browser stay exactly as
// they were. Markup is shown as text and never runs.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const corpus = path.resolve(__dirname, '../hostile');
const SESSION = 'pilot-board.session';

async function snapshot(page: Page) {
  const figures: string[] = [];
  for (const id of ['records', 'registered', 'certified', 'pending', 'pass-rate', 'pass-rate-all']) {
    figures.push(((await page.getByTestId(`kpi-${id}`).textContent()) ?? '').trim());
  }
  const stored = await page.evaluate((key) => localStorage.getItem(key), SESSION);
  return { figures, stored };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  // Work of the user's own, stored, that no bad file may touch.
  const note = page.getByTestId('record-row').first().locator('input[name=note]');
  await note.fill('我的修改');
  await note.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('✓ 已保存在本浏览器中');
});

const bad = fs.readdirSync(corpus).filter((f) => f !== 'README.md' && f !== 'markup.json');

test('every bad file of the corpus is refused and changes nothing', async ({ page }) => {
  expect(bad.length).toBeGreaterThanOrEqual(16);
  const before = await snapshot(page);
  for (const name of bad) {
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
      buffer: fs.readFileSync(path.join(corpus, name)),
    });
    const errors = page.getByTestId('load-error');
    await expect(errors, name).toBeVisible();
    await expect(errors, name).toContainText(name);
    expect(await snapshot(page), name).toEqual(before);
  }
});

test('100,000 levels of nesting and a 50 MB file are refused and change nothing', async ({ page }) => {
  const before = await snapshot(page);
  for (const which of ['nested', 'huge']) {
    await page.evaluate((which) => {
      const text =
        which === 'nested'
          ? '['.repeat(100_000) + ']'.repeat(100_000)
          : '{"format":"1x-pilot-dataset","version":1,"title":"大","records":[],"note":"' + 'x'.repeat(50 * 1024 * 1024) + '"}';
      const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
      const data = new DataTransfer();
      data.items.add(new File([text], `${which}.json`, { type: 'application/json' }));
      input.files = data.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, which);
    const errors = page.getByTestId('load-error');
    await expect(errors).toContainText(`${which}.json`);
    await expect(errors).toContainText(which === 'nested' ? '层' : '文件太大');
    expect(await snapshot(page)).toEqual(before);
  }
});

test('markup in every text field is shown as text and never runs', async ({ page }) => {
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('file-input').setInputFiles(path.join(corpus, 'markup.json'));
  await expect(page.getByTestId('dataset-title')).toHaveText('<script>window.__pwned=4</script>');
  await expect(page.locator('.pb-header__meta')).toContainText('<iframe src="javascript:window.__pwned=5"></iframe>');
  const row = page.getByTestId('record-row');
  await expect(row.locator('input[name=batch]')).toHaveValue('<b>2022</b>');
  await expect(row.locator('input[name=certificate]')).toHaveValue('<img src=x onerror="window.__pwned=1">');
  await expect(row.locator('input[name=note]')).toHaveValue('<a href="javascript:window.__pwned=3">点我</a>');
  await expect(page.getByTestId('filter-batch')).toContainText('<b>2022</b>');
  await expect(page.getByTestId('filter-major')).toContainText('<script>window.__pwned=2</script>');
  await expect(page.locator('main img, main script, main iframe, main b, main a[href^=javascript], header iframe')).toHaveCount(0);
  // The charts draw it as text too.
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d+/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // And the previous work is one click away.
  await page.getByTestId('restore-previous').click();
  await expect(page.getByTestId('record-row').first().locator('input[name=note]')).toHaveValue('我的修改');
});
