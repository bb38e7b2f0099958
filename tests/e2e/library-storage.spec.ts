// The library of datasets when the browser's store fails it: no IndexedDB at all (disabled,
// some private windows), or a full quota. The data on screen is saved as before (localStorage,
// with its own fault handling), the list says what it could not keep, and nothing is lost.
import * as path from 'node:path';
import { test, expect } from './fixtures';

const example2022 = path.join(__dirname, '../../docs/examples/report-2022.json');
const title2022 = '2022年“1+X”证书制度试点工作报告';

test('without IndexedDB the list says so, and the data on screen is still kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  });
  await page.goto('./');
  await expect(page.getByTestId('library-status')).toContainText('此浏览器不能保存数据集列表');
  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(page.getByTestId('dataset-title')).toHaveText(title2022);
  await page.reload();
  await expect(page.getByTestId('dataset-title')).toHaveText(title2022);
  await expect(page.getByTestId('kpi-records')).toHaveText('37');
  await expect(page.getByTestId('library-status')).toContainText('只有屏幕上的数据会保存');
});

test('a full store is named, the file still opens, and the list is whole again after a reload', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { storeFull?: boolean }).storeFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await page.goto('./');
  const items = page.getByTestId('dataset-item');
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('library-status')).toHaveCount(0);

  await page.evaluate(() => ((window as unknown as { storeFull?: boolean }).storeFull = true));
  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(page.getByTestId('dataset-title')).toHaveText(title2022);
  await expect(page.getByTestId('library-status')).toContainText('浏览器存储空间已满');
  // In this page the list has both.
  await expect(items).toHaveCount(2);

  // The data on screen was saved apart from the list; the list takes it in again.
  await page.reload();
  await expect(page.getByTestId('dataset-title')).toHaveText(title2022);
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('library-status')).toHaveCount(0);
  await expect(items.first()).toHaveAttribute('data-title', '2021年“1+X”证书制度试点工作报告');
});
