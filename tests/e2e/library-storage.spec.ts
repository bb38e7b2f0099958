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

test('twenty datasets of 1,000 records each fit in the library and come back after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const levels = ['初级', '中级', '高级'];
  const file = (n: number) => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      batch: `${2000 + n}年第一批`,
      certificate: `试点证书${Math.floor(i / 3)}职业技能等级证书`,
      level: levels[i % 3],
      majors: [
        { code: String(530000 + (i % 40)), name: `财经商贸大类专业${i % 40}` },
        { code: String(510000 + (i % 30)), name: `电子与信息大类专业${i % 30}` },
        { code: String(460000 + (i % 20)), name: `装备制造大类专业${i % 20}` },
      ],
      registered: 20 + (i % 50),
      certified: 10 + (i % 20),
    }));
    const title = `第${n}份数据（1000 条）`;
    return {
      name: `dataset-${n}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: '1x-pilot-dataset', version: 1, title, records })),
    };
  };
  await page.goto('./');
  const items = page.getByTestId('dataset-item');
  await expect(items).toHaveCount(1);
  for (let n = 1; n <= 20; n++) {
    await page.getByTestId('file-input').setInputFiles(file(n));
    await expect(page.getByTestId('dataset-title')).toHaveText(`第${n}份数据（1000 条）`);
    await expect(items).toHaveCount(n + 1);
  }
  await expect(page.getByTestId('library-status')).toHaveCount(0);
  // What the library holds, as text: more than localStorage takes in any browser (Chromium's
  // quota is 10 MiB of UTF-16, 5,242,880 characters).
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('pilot-board');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('library').objectStore('library').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve(all.result.reduce((n: number, v: string) => n + v.length, 0));
        };
      }),
  );
  expect(stored).toBeGreaterThan(5_300_000);

  await page.reload();
  await expect(items).toHaveCount(21);
  await expect(page.getByTestId('dataset-title')).toHaveText('第20份数据（1000 条）');
  // One kept only in the library (not on screen at the reload) opens with all its records.
  await page.locator('[data-testid=dataset-item][data-title="第5份数据（1000 条）"]').getByTestId('dataset-open').click();
  await expect(page.getByTestId('dataset-title')).toHaveText('第5份数据（1000 条）');
  await expect(page.getByTestId('kpi-records')).toHaveText('1000');
  await expect(page.getByTestId('library-status')).toHaveCount(0);
});

test('two tabs share one list: a change in one shows in the other, and neither undoes the other', async ({ page, context }) => {
  const items = page.getByTestId('dataset-item');
  await page.goto('./');
  await expect(items).toHaveCount(1);
  // This tab hears nothing of the other's changes (as if it had missed them), so its list is
  // old when it renames: the rename must go on from what the other tab stored.
  const deaf = await context.newPage();
  await deaf.addInitScript(() => {
    window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
  });
  await deaf.goto('./');
  const deafItems = deaf.getByTestId('dataset-item');
  await expect(deafItems).toHaveCount(1);

  await page.getByTestId('file-input').setInputFiles(example2022);
  await expect(items).toHaveCount(2);
  await expect(deafItems).toHaveCount(1);

  deaf.once('dialog', (dialog) => dialog.accept('2021 年报告（校内稿）'));
  await deafItems.first().getByTestId('dataset-rename').click();
  await expect(deafItems.first()).toHaveAttribute('data-title', '2021 年报告（校内稿）');
  // The deaf tab's catalog now has the other tab's dataset too (it wrote on from the stored
  // one), and the first tab hears of the rename at once.
  await expect(deafItems).toHaveCount(2);
  await expect(items.first()).toHaveAttribute('data-title', '2021 年报告（校内稿）');
  await expect(items.nth(1)).toHaveAttribute('data-title', title2022);

  for (const tab of [page, deaf]) {
    await tab.reload();
    const list = tab.getByTestId('dataset-item');
    await expect(list).toHaveCount(2);
    await expect(list.first()).toHaveAttribute('data-title', '2021 年报告（校内稿）');
    await expect(list.nth(1)).toHaveAttribute('data-title', title2022);
  }
  await deaf.close();
});
