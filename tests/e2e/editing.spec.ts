// Editing the data in the table, undo and redo, and keeping the work in the browser through
// reloads, faults of storage, two tabs and files opened over it. Driven as a user does.
import { type Page } from '@playwright/test';
import { test, expect, watchErrors } from './fixtures';
import * as path from 'node:path';

const shots = path.resolve(__dirname, '../../target/screenshots');

const SESSION = 'pilot-board.session';

const row = (page: Page, n: number) => page.getByTestId('record-row').nth(n);
const field = (page: Page, n: number, name: string) => row(page, n).locator(`input[name=${name}]`);
const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

/** Types into a record's field and presses Enter, as a user does. */
async function type(page: Page, n: number, name: string, text: string) {
  const input = field(page, n, name);
  await input.fill(text);
  await input.press('Enter');
}

async function open(page: Page, url = './') {
  await page.goto(url);
  await expect(kpi(page, 'records')).not.toHaveText('');
}

test('a field is edited in place; a bad value is shown with its reason and changes nothing', async ({ page }) => {
  await open(page);
  await expect(kpi(page, 'registered')).toHaveText('3482');

  // Not a count: refused as typed, with the reason; the KPIs do not move.
  const registered = field(page, 0, 'registered');
  await registered.fill('-3');
  await expect(row(page, 0).getByTestId('field-error')).toHaveText('请填写不小于 0 的整数');
  await expect(registered).toHaveAttribute('aria-invalid', 'true');
  await registered.press('Enter');
  await expect(kpi(page, 'registered')).toHaveText('3482');
  // Escape puts the value back.
  await registered.press('Escape');
  await expect(registered).toHaveValue('50');
  await expect(row(page, 0).getByTestId('field-error')).toHaveCount(0);

  // More certified than registered: refused, with both numbers.
  await field(page, 0, 'certified').fill('51');
  await expect(row(page, 0).getByTestId('field-error')).toHaveText('获证人数 51 多于报考人数 50');
  await page.getByTestId('records-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'editing-refused.png') });
  await field(page, 0, 'certified').press('Escape');

  // A level that does not exist.
  await field(page, 0, 'level').fill('特级');
  await expect(row(page, 0).getByTestId('field-error')).toContainText('初级、中级 或 高级');
  await field(page, 0, 'level').press('Escape');

  // The same batch, certificate and level as another record.
  const second = await field(page, 1, 'certificate').inputValue();
  await field(page, 0, 'certificate').fill(second);
  await field(page, 0, 'level').click();
  await expect(field(page, 0, 'certificate')).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 0).getByTestId('field-error')).toContainText('已有一条记录');
  await field(page, 0, 'certificate').press('Escape');
  await expect(page.getByTestId('undo')).toBeDisabled();

  // A good value: applied, the KPIs follow, the row is marked, the change is listed.
  await type(page, 0, 'registered', '60');
  await expect(kpi(page, 'registered')).toHaveText('3492');
  await expect(row(page, 0)).toHaveAttribute('data-edited', 'true');
  await expect(row(page, 1)).not.toHaveAttribute('data-edited', 'true');
  // Enter moved on to the same field of the next row.
  await expect(field(page, 1, 'registered')).toBeFocused();
  await page.getByTestId('changes').locator('summary').click();
  await expect(page.getByTestId('change')).toHaveCount(1);
  await expect(page.getByTestId('change')).toContainText('报考人数：50 → 60');
  await expect(page.getByTestId('save-status')).toHaveText('✓ 已保存在本浏览器中');
});

test('an edit made while the table is filtered changes the right record', async ({ page }) => {
  await open(page, './?level=初级');
  await expect(kpi(page, 'records')).toHaveText('3');
  // The third of the three: Web前端开发, 2 registered, 2 certified.
  const certificate = await field(page, 2, 'certificate').inputValue();
  const before = await field(page, 2, 'certified').inputValue();
  await type(page, 2, 'certified', '1');
  await expect(field(page, 2, 'certified')).toHaveValue('1');
  await expect(kpi(page, 'certified')).toHaveText('51');
  // Without the filter, the record with that name has the new value and no other changed.
  await page.getByTestId('filter-clear').click();
  await expect(kpi(page, 'records')).toHaveText('38');
  const edited = page
    .getByTestId('record-row')
    .filter({ has: page.locator(`input[name=certificate][value="${certificate}"]`) })
    .filter({ has: page.locator('input[name=level][value="初级"]') });
  await expect(edited.locator('input[name=certified]')).toHaveValue('1');
  await expect(page.locator('[data-testid=record-row][data-edited=true]')).toHaveCount(1);
  expect(before).toBe('2');
});

test('an edit made while the table is sorted changes the right record', async ({ page }) => {
  await open(page);
  const byRegistered = page.getByTestId('sort-registered');
  await byRegistered.click();
  await byRegistered.click();
  await expect(page.locator('th[aria-sort=descending]')).toContainText('报考人数');
  await expect(field(page, 0, 'registered')).toHaveValue('325');
  const certificate = await field(page, 0, 'certificate').inputValue();
  const level = await field(page, 0, 'level').inputValue();
  await type(page, 0, 'note', '人数最多');
  // Lowering it moves it down the order; the edit still belongs to that record.
  await type(page, 0, 'certified', '1');
  await type(page, 0, 'registered', '1');
  await expect(field(page, 0, 'registered')).not.toHaveValue('1');
  await byRegistered.click();
  await expect(page.locator('th[aria-sort=descending], th[aria-sort=ascending]')).toHaveCount(0);
  const edited = page.locator('[data-testid=record-row][data-edited=true]');
  await expect(edited).toHaveCount(1);
  await expect(edited.locator('input[name=certificate]')).toHaveValue(certificate);
  await expect(edited.locator('input[name=level]')).toHaveValue(level);
  await expect(edited.locator('input[name=note]')).toHaveValue('人数最多');
  await expect(edited.locator('input[name=registered]')).toHaveValue('1');
});

test('add, delete, undo and redo by buttons and keys, through more than 100 steps', async ({ page }) => {
  // Over 200 key presses and edits, each saved.
  test.setTimeout(120_000);
  await open(page);
  await page.getByTestId('record-add').click();
  await expect(kpi(page, 'records')).toHaveText('39');
  // The new record's name box has the focus, ready to be typed over.
  const added = page.locator('[data-testid=record-row][data-record-id="38"]');
  await expect(added.locator('input[name=certificate]')).toBeFocused();
  await expect(added.locator('input[name=certificate]')).toHaveValue('新证书 1');
  await added.locator('input[name=certificate]').fill('新增的证书');
  await added.locator('input[name=certificate]').press('Tab');
  await expect(added.locator('input[name=certificate]')).toHaveValue('新增的证书');

  await row(page, 3).getByTestId('record-delete').click();
  await expect(kpi(page, 'records')).toHaveText('38');
  await page.getByTestId('undo').click();
  await expect(kpi(page, 'records')).toHaveText('39');
  await page.getByTestId('redo').click();
  await expect(kpi(page, 'records')).toHaveText('38');

  // Keys, with the focus outside the text boxes.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(kpi(page, 'records')).toHaveText('39');
  await page.keyboard.press('Control+Shift+z');
  await expect(kpi(page, 'records')).toHaveText('38');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(added.locator('input[name=certificate]')).toHaveValue('新证书 1');
  await page.keyboard.press('Control+y');
  await expect(added.locator('input[name=certificate]')).toHaveValue('新增的证书');

  // 105 more steps, then all the way back.
  const note = field(page, 0, 'note');
  for (let i = 1; i <= 105; i++) {
    await note.fill(`第 ${i} 次`);
    await note.press('Enter');
    await expect(note).toHaveValue(`第 ${i} 次`);
    await note.focus();
  }
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 105 + 3; i++) await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await expect(kpi(page, 'records')).toHaveText('38');
  await expect(kpi(page, 'registered')).toHaveText('3482');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('redo')).toBeEnabled();
});

test('a reload restores the data, the edits, the point in the history and the view', async ({ page }) => {
  await open(page, './?level=中级');
  await type(page, 0, 'registered', '70');
  await type(page, 0, 'note', '待核实');
  await page.getByTestId('undo').click();
  await expect(field(page, 0, 'note')).toHaveValue('');
  const registered = await kpi(page, 'registered').textContent();

  await page.reload();
  await expect(kpi(page, 'registered')).toHaveText(registered!);
  await expect(field(page, 0, 'registered')).toHaveValue('70');
  await expect(page.getByTestId('filter-level').locator('input[value="中级"]')).toBeChecked();
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.getByTestId('redo').click();
  await expect(field(page, 0, 'note')).toHaveValue('待核实');

  // Opened without the filters in the address, the stored view comes back.
  await page.goto('./');
  await expect(page.getByTestId('filter-level').locator('input[value="中级"]')).toBeChecked();
  await expect(field(page, 0, 'note')).toHaveValue('待核实');
});

test('reset goes back to the data as loaded, after asking, and undo takes it back; a change can be reverted alone', async ({ page }) => {
  await open(page);
  await type(page, 0, 'registered', '70');
  await type(page, 2, 'note', '核对');
  await page.getByTestId('changes').locator('summary').click();
  await expect(page.getByTestId('change')).toHaveCount(2);
  await page.getByTestId('change').filter({ hasText: '核对' }).getByTestId('change-revert').click();
  await expect(page.getByTestId('change')).toHaveCount(1);
  await expect(field(page, 2, 'note')).toHaveValue('');

  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByTestId('reset').click();
  await expect(kpi(page, 'registered')).toHaveText('3502');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('reset').click();
  await expect(kpi(page, 'registered')).toHaveText('3482');
  await expect(page.getByTestId('reset')).toBeDisabled();
  await page.getByTestId('undo').click();
  await expect(kpi(page, 'registered')).toHaveText('3502');
});

test('stored work that cannot be read is kept aside, offered as a download, and not overwritten', async ({ page }) => {
  const damaged = '{"app":"pilot-board","version":1,"revision":3,"dataset":{"format"';
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [SESSION, damaged],
  );
  await open(page);
  await expect(kpi(page, 'records')).toHaveText('38');
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toContainText('已损坏');
  await expect(notice).toContainText('没有删除');
  await page.screenshot({ path: path.join(shots, 'storage-set-aside.png') });
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('pilot-board.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([damaged]);
  const download = page.waitForEvent('download');
  await page.getByTestId('storage-download').click();
  const file = await download;
  const fs = await import('node:fs');
  expect(fs.readFileSync((await file.path())!, 'utf-8')).toBe(damaged);

  // Work goes on, and is saved; the damaged copy stays where it was put.
  await type(page, 0, 'note', '新的修改');
  await expect(page.getByTestId('save-status')).toHaveText('✓ 已保存在本浏览器中');
  await page.reload();
  await expect(field(page, 0, 'note')).toHaveValue('新的修改');
  const stillKept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('pilot-board.unreadable.')).length,
  );
  expect(stillKept).toBe(1);
});

test('work stored by a newer version is not read and not overwritten by mistake', async ({ page }) => {
  const newer = JSON.stringify({ app: 'pilot-board', version: 9, revision: 1, anything: [1, 2] });
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [SESSION, newer],
  );
  await open(page);
  await expect(page.getByTestId('storage-notice')).toContainText('较新版本');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('pilot-board.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([newer]);
});

test('a full quota is said at once: the edit stays on screen, nothing claims to be saved, export is offered', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('pilot-board')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
  await open(page);
  await type(page, 0, 'registered', '70');
  await expect(kpi(page, 'registered')).toHaveText('3502');
  await expect(page.getByTestId('save-status')).toContainText('浏览器存不下');
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('修改没有保存在浏览器中');
  await expect(warning.getByTestId('export-json')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'storage-quota.png') });
  expect(await page.evaluate((key) => localStorage.getItem(key), SESSION)).toBeNull();
  // The edit is still there to export.
  const download = page.waitForEvent('download');
  await warning.getByTestId('export-json').click();
  const fs = await import('node:fs');
  const saved = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf-8'));
  expect(saved.records[0].registered).toBe(70);
});

test('without storage (disabled, private mode) the app works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(kpi(page, 'records')).toHaveText('38');
  await type(page, 0, 'registered', '70');
  await expect(kpi(page, 'registered')).toHaveText('3502');
  await expect(page.getByTestId('storage-warning')).toContainText('不允许本页使用本地存储');
  await expect(page.getByTestId('save-status')).toContainText('隐私模式');
});

test('two tabs: an edit in one shows up in the other, and neither overwrites newer work', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const errors: string[] = [];
  watchErrors(a, errors);
  watchErrors(b, errors);
  await open(a);
  await open(b);
  await type(a, 0, 'registered', '70');
  await expect(kpi(b, 'registered')).toHaveText('3502');
  await expect(b.getByTestId('storage-notice')).toContainText('另一个标签页');
  await type(b, 1, 'registered', '69');
  await expect(kpi(a, 'registered')).toHaveText('3512');
  await expect(field(a, 1, 'registered')).toHaveValue('69');
  await expect(field(a, 0, 'registered')).toHaveValue('70');
  // Undo in one tab undoes there and shows in the other.
  await a.getByTestId('undo').click();
  await expect(kpi(b, 'registered')).toHaveText('3502');
  await a.close();
  await b.close();
  expect(errors, 'no console errors in either tab').toEqual([]);
});

test('opening a file over edited work asks first and keeps the work to restore', async ({ page }) => {
  await open(page);
  await type(page, 0, 'registered', '70');
  const file = {
    name: '另一份.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: '1x-pilot-dataset',
        version: 1,
        title: '另一份数据',
        records: [{ batch: '2022年第一批', certificate: '物流管理', level: '初级', majors: [], registered: 10, certified: 9 }],
      }),
    ),
  };
  // (Opening waits for the file reader's chunk: the question comes once it is there.)
  let asked = page.waitForEvent('dialog');
  await page.getByTestId('file-input').setInputFiles(file);
  const question = await asked;
  expect(question.message()).toContain('1 处修改');
  await question.dismiss();
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await expect(kpi(page, 'registered')).toHaveText('3502');

  asked = page.waitForEvent('dialog');
  await page.getByTestId('file-input').setInputFiles(file);
  await (await asked).accept();
  await expect(page.getByTestId('dataset-title')).toHaveText('另一份数据');
  await expect(kpi(page, 'records')).toHaveText('1');
  await page.getByTestId('restore-previous').click();
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await expect(kpi(page, 'registered')).toHaveText('3502');
  await page.getByTestId('undo').click();
  await expect(kpi(page, 'registered')).toHaveText('3482');
});
