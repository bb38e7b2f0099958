// Files in and out, as users move them: exported JSON opens again as the same data; CSV for
// Excel; CSV from Excel on Chinese Windows (GB18030); a table pasted from Excel or WPS; a file
// dropped on the page; a dataset named in the address (?data=).
import { type Page } from '@playwright/test';
import { test, expect, watchErrors, kpi, kpis } from './fixtures';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';

async function downloaded(page: Page, testId: string) {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).first().click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('exported JSON, edits included, opens again as exactly the same data', async ({ page }) => {
  const input = page.getByTestId('record-row').first().locator('input[name=note]');
  await input.fill('<b>导出前的修改</b>');
  await input.press('Enter');
  const before = await kpis(page);
  const { name, bytes } = await downloaded(page, 'export-json');
  expect(name).toMatch(/^2021年“1\+X”证书制度试点工作报告-\d{4}-\d{2}-\d{2}\.json$/);
  const text = bytes.toString('utf-8');
  expect(text.startsWith('{\n  "format": "1x-pilot-dataset",\n  "version": 1,')).toBe(true);
  const data = JSON.parse(text);
  expect(data.records).toHaveLength(38);
  expect(data.records[0].note).toBe('<b>导出前的修改</b>');

  // Open it in a fresh page: the same figures, the same records.
  const other = await page.context().newPage();
  const otherErrors: string[] = [];
  watchErrors(other, otherErrors);
  await other.goto('./');
  await other.evaluate(() => localStorage.clear());
  await other.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  await expect(other.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  expect(await kpis(other)).toEqual(before);
  const again = await (async () => {
    const download = other.waitForEvent('download');
    await other.getByTestId('export-json').click();
    return fs.readFileSync((await (await download).path())!, 'utf-8');
  })();
  expect(again).toBe(text);
  await other.close();
  expect(otherErrors, 'no console errors in the second page').toEqual([]);
});

test('exported CSV has a byte-order mark, the report headings and inert formulas', async ({ page }) => {
  const input = page.getByTestId('record-row').first().locator('input[name=certificate]');
  await input.fill('=HYPERLINK("http://example.com","点我")');
  await input.press('Enter');
  const { name, bytes } = await downloaded(page, 'export-csv');
  expect(name).toMatch(/\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf-8');
  expect(text.split('\r\n')[0]).toBe(
    '申报计划,证书名称,证书等级,涵盖专业,已批准培训人数,面向社会开展培训量(人日),报考人数,获证人数,通过率,通过率(计算),备注',
  );
  expect(text).toContain('"\'=HYPERLINK(""http://example.com"",""点我"")"');
  expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(39);
});

/** The text of each part of a zip file (an .xlsx), read by Python's zipfile. */
function zipParts(bytes: Buffer): Record<string, string> {
  const script =
    'import sys, zipfile, io, json; z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));' +
    'print(json.dumps({n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: bytes }).toString('utf-8'));
}

test('exported Excel holds the records shown, their rates as percent numbers, and totals as formulas', async ({ page }) => {
  // An edit and a filter: the file is the data on screen, and says which filters were on.
  const input = page.getByTestId('record-row').first().locator('input[name=registered]');
  await input.fill('60');
  await input.press('Enter');
  await page.getByTestId('filter-level').locator('input[value="中级"]').check();
  await expect(kpi(page, 'records')).toHaveText('34');
  const { name, bytes } = await downloaded(page, 'export-xlsx');
  expect(name).toMatch(/\.xlsx$/);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const parts = zipParts(bytes);
  expect(parts['xl/workbook.xml']).toContain('name="试点记录"');
  expect(parts['xl/workbook.xml']).toContain('name="核对"');
  const sheet = parts['xl/worksheets/sheet1.xml'];
  const strings = parts['xl/sharedStrings.xml'];
  // Title, filters, header, 34 records, totals and the line that names their two rates.
  expect(sheet.match(/<row /g)).toHaveLength(3 + 34 + 2);
  expect(strings).toContain('筛选：等级：中级');
  expect(strings).toContain('通过率(计算)');
  expect(strings).toContain('合计');
  expect(sheet).toContain('<f>SUM(G4:G37)</f>');
  expect(sheet).toContain('state="frozen"');
  // The edited count is in the file.
  expect(sheet).toMatch(/<c r="G4"[^>]*><v>60<\/v><\/c>/);
  // Rates are numbers in a percent style, not text.
  expect(parts['xl/styles.xml']).toContain('formatCode="0.00%"');
  expect(sheet).toMatch(/<c r="J4" s="\d+"><v>0\.\d+<\/v><\/c>/);
});

test('a CSV saved by Excel on Chinese Windows (GB18030) opens', async ({ page }) => {
  // "申报计划,证书名称,证书等级,报考人数,获证人数\n2022年第一批,物流管理,初级,40,30\n" in GB18030,
  // encoded here byte by byte so that the test does not depend on an encoder.
  const gb = Buffer.from(
    'c9eab1a8bcc6bbae2cd6a4cae9c3fbb3c62cd6a4cae9b5c8bcb62cb1a8bfbcc8cbcafd2cbbf1d6a4c8cbcafd0a' +
      '32303232c4eab5dad2bbc5fa2cceefc1f7b9dcc0ed2cb3f5bcb62c34302c33300a',
    'hex',
  );
  await page.getByTestId('file-input').setInputFiles({ name: '2022年试点.csv', mimeType: 'text/csv', buffer: gb });
  await expect(page.getByTestId('dataset-title')).toHaveText('2022年试点');
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(kpi(page, 'registered')).toHaveText('40');
  await expect(page.getByTestId('record-row').locator('input[name=certificate]')).toHaveValue('物流管理');
});

test('a bad CSV shows every error with its line and changes nothing', async ({ page }) => {
  const csv = '申报计划,证书名称,证书等级,报考人数,获证人数\n2022年第一批,物流管理,初级,40,30\n2022年第一批,会计,特级,-1,2\n';
  await page.getByTestId('file-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = page.getByTestId('load-error');
  await expect(errors).toContainText('第 3 行');
  await expect(errors).toContainText('level');
  await expect(errors).toContainText('registered');
  await expect(kpi(page, 'records')).toHaveText('38');
  // Styled by the sheet that comes with the view (not in the first load's).
  await expect(page.locator('style#pb-files-style')).toHaveCount(1);
  await expect(errors).toHaveCSS('border-left-width', '6px');
});

test('a table copied from Excel or WPS and pasted on the page opens', async ({ page }) => {
  const tsv =
    '申报计划\t证书名称\t证书等级\t涵盖专业\t报考人数\t获证人数\t通过率\n' +
    '2022年第一批\t物流管理\t初级\t【530802】物流管理\t40\t30\t75.00%\n' +
    '2022年第一批\t会计\t中级\t【530302】大数据与会计\t20\t--\t--\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, tsv);
  await expect(kpi(page, 'records')).toHaveText('2');
  await expect(kpi(page, 'pending')).toHaveText('20');
  await expect(page.getByTestId('dataset-title')).toHaveText('粘贴的表格');
  // Pasting into a text box is typing, not opening.
  await page.getByTestId('filter-search').focus();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, tsv.replace('物流管理', '别的'));
  await expect(kpi(page, 'records')).toHaveText('2');
});

test('a file dropped anywhere on the page opens', async ({ page }) => {
  const json = JSON.stringify({
    format: '1x-pilot-dataset',
    version: 1,
    title: '拖进来的数据',
    records: [{ batch: '2022年第一批', certificate: '物流管理', level: '初级', majors: [], registered: 4, certified: 3 }],
  });
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], '拖进来的.json', { type: 'application/json' }));
    const target = document.querySelector('[data-testid=kpi-records]')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, json);
  await expect(page.getByTestId('dataset-title')).toHaveText('拖进来的数据');
  await expect(kpi(page, 'records')).toHaveText('1');
});

test('?data= opens a dataset hosted beside the app, and keeps it through filter changes', async ({ page }) => {
  const json = JSON.stringify({
    format: '1x-pilot-dataset',
    version: 1,
    title: '2022 年数据',
    records: [
      { batch: '2022年第一批', certificate: '物流管理', level: '初级', majors: [], registered: 4, certified: 3 },
      { batch: '2022年第一批', certificate: '会计', level: '中级', majors: [], registered: 6, certified: 6 },
    ],
  });
  await page.route('**/datasets/2022.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: json }),
  );
  await page.goto('./?data=datasets/2022.json');
  await expect(page.getByTestId('dataset-title')).toHaveText('2022 年数据');
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(page).toHaveURL(/\?data=datasets%2F2022\.json&level=/);
  await page.reload();
  await expect(page.getByTestId('dataset-title')).toHaveText('2022 年数据');
  await expect(kpi(page, 'records')).toHaveText('1');

  // Another site's address is refused, and the data stay.
  await page.goto('./?data=https://example.com/x.json');
  await expect(page.getByTestId('load-error')).toBeVisible();
  await expect(page.getByTestId('dataset-title')).toHaveText('2022 年数据');
});
