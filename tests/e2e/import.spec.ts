// Tables as colleges keep them: a CSV saved by Excel on Chinese Windows under a title row, with
// its own headings, merged batch cells and a 合计 row; and the report's table 3 pasted from the
// Word report (its header repeated where the table goes over a page). Each opens through the
// preview, where a column can be changed, and nothing changes until it is confirmed.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const fixtures = path.resolve(__dirname, '../fixtures');
const shots = path.resolve(__dirname, '../../target/screenshots');
const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

async function kpis(page: Page) {
  const out: string[] = [];
  for (const name of ['records', 'registered', 'certified', 'pass-rate', 'pass-rate-all']) {
    out.push(((await kpi(page, name).textContent()) ?? '').trim());
  }
  return out;
}

async function paste(page: Page, text: string) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(kpi(page, 'records')).toHaveText('38');
});

test('a GB18030 CSV with its own headings opens after the preview, a column changed on the way', async ({ page }) => {
  const before = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-gb18030.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // Nothing has changed yet.
  expect(await kpis(page)).toEqual(before);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page.getByTestId('import-sheet')).toHaveText('college-gb18030.csv');
  const column = (n: number) => preview.locator(`[data-testid=import-column][data-column="${n}"]`);
  await expect(column(0)).toHaveValue('');
  await expect(column(1)).toHaveValue('batch');
  await expect(column(5)).toHaveValue('registered');
  await expect(column(6)).toHaveValue('certified');
  await expect(column(7)).toHaveValue('reported_pass_rate_percent');
  await expect(page.getByTestId('import-skipped')).toContainText('第 1 行');
  await expect(page.getByTestId('import-skipped')).toContainText('合计行');
  await expect(page.getByTestId('import-filled')).toContainText('3 个');
  await expect(page.getByTestId('import-figures')).toContainText('将打开 5 条记录：报考 636 人，获证 300 人');
  await page.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });

  // The certified column set to "not used": every result is then pending, and the figures say so.
  await column(6).selectOption('');
  await expect(page.getByTestId('import-figures')).toContainText('获证 0 人');
  // Back to certified, and the rate column unused.
  await column(6).selectOption('certified');
  await column(7).selectOption('');
  await expect(page.getByTestId('import-figures')).toContainText('获证 300 人');

  await page.getByTestId('import-confirm').click();
  await expect(preview).toHaveCount(0);
  await expect(kpi(page, 'records')).toHaveText('5');
  expect(await kpis(page)).toEqual(['5', '636', '300', '68.81%', '47.17%']);
  // The 合计 row became the report's totals, which the checks compare.
  await expect(page.getByTestId('reconciliation')).toContainText('636');
});

test('a problem in the preview is listed by row and column and blocks the confirm; cancel changes nothing', async ({ page }) => {
  const before = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'college-gb18030.csv'));
  const preview = page.getByTestId('import-preview');
  // The registered column unused: a required column is missing.
  await preview.locator('[data-testid=import-column][data-column="5"]').selectOption('');
  await expect(page.getByTestId('import-problems')).toContainText('报考人数');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  // The certificate column read as certified: its names are no counts, each listed.
  await preview.locator('[data-testid=import-column][data-column="5"]').selectOption('registered');
  await preview.locator('[data-testid=import-column][data-column="2"]').selectOption('certified');
  await expect(page.getByTestId('import-problems')).toContainText('第 4 行');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await expect(preview).toHaveCount(0);
  expect(await kpis(page)).toEqual(before);
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
});

test('the report’s table 3 pasted from Word opens with its 38 records and both rates', async ({ page }) => {
  // Open something else first, so that the figures below come from the paste.
  await page.getByTestId('file-input').setInputFiles(path.resolve(__dirname, '../../docs/examples/minimal.json'));
  await expect(kpi(page, 'records')).toHaveText('1');
  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table3.tsv'), 'utf-8'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-skipped')).toContainText('重复的表头');
  await page.getByTestId('import-confirm').click();
  // (The dataset comes back from the import worker.)
  await expect(kpi(page, 'records')).toHaveText('38');
  expect(await kpis(page)).toEqual(['38', '3482', '2297', '72.16%', '65.97%']);
});

test('a table with the report’s own headings still opens at once', async ({ page }) => {
  const text = '申报计划\t证书名称\t证书等级\t报考人数\t获证人数\n2022年第一批\t物流管理\t初级\t40\t30\n';
  await paste(page, text);
  await expect(kpi(page, 'records')).toHaveText('1');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});

test('the report’s table 1 pasted over its table 3 merges in the majors and trainees, as one step undo takes back', async ({ page }) => {
  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table3.tsv'), 'utf-8'));
  await page.getByTestId('import-confirm').click();
  await expect(kpi(page, 'records')).toHaveText('38');
  const majors = page.getByTestId('kpi-registered').locator('xpath=..');
  await expect(majors).toContainText('涵盖 0 个专业');

  await paste(page, fs.readFileSync(path.join(fixtures, 'report-table1.tsv'), 'utf-8'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // Table 1 alone is no dataset (it has no registered or certified), but it can be merged.
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await expect(page.getByTestId('import-merge-offer')).toContainText('38 条记录');
  await expect(page.getByTestId('import-unmatched').locator('li')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'import-merge.png') });
  await page.getByTestId('import-merge').click();
  await expect(preview).toHaveCount(0);
  // The built-in figures: 34 majors (the report prints 35), the same counts and rates.
  expect(await kpis(page)).toEqual(['38', '3482', '2297', '72.16%', '65.97%']);
  await expect(majors).toContainText('涵盖 34 个专业');

  await page.getByTestId('undo').click();
  await expect(majors).toContainText('涵盖 0 个专业');
  await page.getByTestId('redo').click();
  await expect(majors).toContainText('涵盖 34 个专业');
});

/** A sheet as a college sends it: eight records (one with a level nobody uses), the 合计 row,
 *  a footnote and the clerk's name under it; eleven columns, wider than a laptop's screen. */
const withNotes = [
  '序号,批次,证书名称,等级,涉及专业,已批准培训人数,考核人数,通过人数,通过率,负责部门,备注说明',
  '1,2021年第一批,Web前端开发,中级,【610205】软件技术,60,50,43,86%,信息工程学院,按时完成',
  '2,,物流管理,初级,【530802】物流管理,50,40,30,75%,经济管理学院,',
  '3,,电子商务数据分析,中级,【530701】电子商务,30,20,10,50%,经济管理学院,',
  '4,2021年第二批,Web前端开发,初级,【610205】软件技术,40,30,27,90%,信息工程学院,',
  '5,,物流管理,特级,【530802】物流管理,30,25,20,80%,经济管理学院,',
  '6,,智能财税,初级,【530302】大数据与会计,70,60,54,90%,经济管理学院,',
  '7,,网店运营推广,中级,【530701】电子商务,40,35,28,80%,经济管理学院,',
  '8,,财务数字化应用,初级,【530302】大数据与会计,50,45,40,88.89%,经济管理学院,',
  '合计,,,,,370,305,252,82.62%,,',
  '注：通过率=获证人数/报考人数；“待公布”为成绩尚未公布。,,,,,,,,,,',
  '制表人：王老师,,,,,,,,,,',
].join('\n');

test('a footnote under the totals blocks nothing, and one click leaves a bad row out or takes it back', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('file-input').setInputFiles({
    name: '某学院试点汇总.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(withNotes, 'utf-8'),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // The one problem, in the sheet's words: its row, its cell and the column's heading.
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('li')).toHaveCount(1);
  await expect(problems).toContainText('第 6 行 D6 单元格（等级）：');
  await expect(problems).not.toContainText('键');
  await expect(problems).not.toContainText('level');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  // The footnote and the clerk's name are listed among the rows left out, not read as records.
  const skipped = page.getByTestId('import-skipped');
  await expect(skipped).toContainText('第 11 行：没有数字的注释、说明或落款行');
  await expect(skipped).toContainText('第 12 行');
  await expect(skipped.locator('[data-testid=import-row-take-back]')).toHaveCount(2);
  // A sheet wider than the screen scrolls inside the preview; the page does not.
  const scroller = await preview.locator('.pb-table-scroll').evaluate((el) => ({
    scrolls: el.scrollWidth > el.clientWidth,
    right: el.getBoundingClientRect().right,
  }));
  expect(scroller.scrolls).toBe(true);
  expect(scroller.right).toBeLessThanOrEqual(1366);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: path.join(shots, 'import-preview-notes.png'), fullPage: true });

  // One click leaves row 6 out: nothing else blocks the file.
  await problems.locator('[data-testid=import-row-leave-out][data-row="6"]').click();
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  await expect(page.getByTestId('import-figures')).toContainText('将打开 7 条记录');
  await expect(skipped).toContainText('第 6 行：已选择不读取');
  await expect(preview.locator('[data-testid=import-row][data-row="6"]')).toHaveClass(/pb-import__left-out/);
  // And one more takes it back: the problem is there again.
  await skipped.locator('[data-testid=import-row-take-back][data-row="6"]').click();
  await expect(page.getByTestId('import-problems').locator('li')).toHaveCount(1);
  // Left out from the table's own row, and opened.
  await preview.locator('[data-testid=import-row][data-row="6"] [data-testid=import-row-leave-out]').click();
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByTestId('import-confirm').click();
  await expect(kpi(page, 'records')).toHaveText('7');
  await expect(kpi(page, 'registered')).toHaveText('280');
});

test('the report as a Word document opens as the built-in data in one confirm, its table 1 merged into its table 3', async ({ page }) => {
  // Open something else first, so that the figures below come from the document.
  const builtIn = await kpis(page);
  await page.getByTestId('file-input').setInputFiles(path.resolve(__dirname, '../../docs/examples/minimal.json'));
  await expect(kpi(page, 'records')).toHaveText('1');
  await page.getByTestId('file-input').setInputFiles(path.join(fixtures, 'report-2021.docx'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // Its tables by their captions; table 3 chosen; table 1 proposed to merge in.
  const sheets = page.getByTestId('import-sheet');
  await expect(sheets.locator('option')).toHaveText([
    '表1 “1+X”证书制度试点明细表',
    '表2 书证融通一览表',
    '表3 “1+X”证书制度试点考核情况表',
  ]);
  await expect(sheets).toHaveValue('2');
  const companion = page.getByTestId('import-companion');
  await expect(companion).toBeChecked();
  await expect(preview).toContainText('并入它的涵盖专业');
  // The report's own text: its title, its day, and four figures, each with its sentence.
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('标题：2021年“1+X”证书制度试点工作报告');
  await expect(report).toContainText('数据截至：2021-12-31');
  const figures = page.getByTestId('import-report-figure');
  await expect(figures).toHaveCount(4);
  for (const figure of await figures.all()) await expect(figure).toBeChecked();
  await expect(report).toContainText('取得考评员资格的教师：111 名');
  await expect(report).toContainText('共有 111 名教师取得了“1+X”证书考评员资格');
  await page.screenshot({ path: path.join(shots, 'import-word-report.png'), fullPage: true });
  // One left out.
  await figures.nth(3).uncheck();
  await expect(figures.nth(3)).not.toBeChecked();
  await page.getByTestId('import-confirm').click();
  await expect(preview).toHaveCount(0);
  expect(await kpis(page)).toEqual(builtIn);
  await expect(page.getByTestId('kpi-registered').locator('xpath=..')).toContainText('涵盖 34 个专业');
  await expect(page.getByTestId('dataset-title')).toHaveText('2021年“1+X”证书制度试点工作报告');
  await expect(page.getByTestId('as-of')).toContainText('2021年12月31日');
  await expect(page.getByTestId('summary-figure')).toHaveCount(3);
  await expect(page.getByTestId('summary-figure').first()).toContainText('取得考评员资格的教师');
});

test('a Word 97–2003 document is told to be saved as .docx; a .docx without tables says so', async ({ page }) => {
  // A .docx is a zip whose document is word/document.xml.
  const script =
    'import io, sys, zipfile; b = io.BytesIO(); z = zipfile.ZipFile(b, "w");' +
    'z.writestr("[Content_Types].xml", "<Types/>"); z.writestr("word/document.xml", "<w:document><w:body><w:p/></w:body></w:document>");' +
    'z.close(); sys.stdout.buffer.write(b.getvalue())';
  const docx = execFileSync('python3', ['-c', script]);
  await page.getByTestId('file-input').setInputFiles({
    name: '2021年试点报告.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx,
  });
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('这个 Word 文档中没有表格');
  await expect(kpi(page, 'records')).toHaveText('38');
  await page.getByTestId('file-input').setInputFiles({
    name: '2020年试点报告.doc',
    mimeType: 'application/msword',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  });
  await expect(error).toContainText('请在 Word 或 WPS 中另存为 .docx 后再打开');
  await expect(error).not.toContainText('另存为 .xlsx');
  await expect(kpi(page, 'records')).toHaveText('38');
  await page.getByTestId('lang').click();
  await expect(error).toContainText('Save it as .docx in Word or WPS');
});
