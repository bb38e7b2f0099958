// What the tests of the standalone file share.
import { type Page, type TestInfo } from '@playwright/test';
import { expect } from './fixtures';

/** Clicks 导出独立网页 and returns the path the file was saved to. */
export async function exportStandalone(page: Page, testInfo: TestInfo, name = 'report.html') {
  const download = page.waitForEvent('download', { timeout: 20_000 });
  // (A page whose storage is off offers it twice: in the header and in the warning.)
  await page.getByTestId('export-html').first().click();
  const file = testInfo.outputPath(name);
  await (await download).saveAs(file);
  await expect(page.getByTestId('export-html-status').first()).toHaveAttribute('data-state', 'done');
  return file;
}

