// The report files, opened by a real office suite: each export is downloaded, converted to PDF
// by headless LibreOffice, and its text read back with pdftotext. The Word file holds the
// report's sentence and every row of table 3; the PowerPoint file has a page per slide of the
// deck, each with its title; the Excel file holds the records.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(__dirname, '../..');
type Row = { certificate: string; level: string; registered: number; certified: number | null };
const data: { records: Row[] } = JSON.parse(
  fs.readFileSync(path.join(root, 'data/report-2021.json'), 'utf-8'),
);

/** A folder of this test's own, and a LibreOffice profile in it (parallel runs do not share). */
function workdir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-office-'));
}

/** Downloads the file `testId`'s button makes, into `dir`. */
async function download(page: Page, testId: string, dir: string) {
  const event = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId(testId).click();
  const file = await event;
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** `file` converted to PDF by headless LibreOffice; the PDF's text, and its page count. */
function convert(file: string) {
  const dir = path.dirname(file);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const pdf = file.replace(/\.[a-z]+$/, '.pdf');
  expect(fs.existsSync(pdf), `${pdf} made`).toBe(true);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  const pageText = (n: number) =>
    execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString();
  return { pdf, pages, text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(), pageText };
}

/** Text without the spaces layout and CJK autospacing put in. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The text of each part of a zip file, read by Python's zipfile. */
function zipParts(file: string): Record<string, string> {
  const script =
    'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]);' +
    'print(json.dumps({n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { maxBuffer: 1 << 28 }).toString('utf-8'));
}

/** A rate as the Word table writes it: the screen's words where there is none. */
const rate = (part: number | null, whole: number) =>
  part === null ? '未出成绩' : whole === 0 ? '无人报考' : `${(Math.round((part * 10000) / whole) / 100).toFixed(2)}%`;

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(page.getByTestId('export-docx')).toBeVisible();
});

test('the Word file opens in LibreOffice with the sentence, table 3 and the figures', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = workdir();
  const file = await download(page, 'export-docx', dir);
  expect(path.basename(file)).toMatch(/^2021年“1\+X”证书制度试点工作报告-\d{4}-\d{2}-\d{2}\.docx$/);
  await expect(page.getByTestId('office-status')).toHaveAttribute('data-state', 'done');
  const { text, pages } = convert(file);
  const flat = squeeze(text);
  for (const needle of ['截至2021年12月31日', '3482', '2297', '65.97%', '72.16%', '表1学生参加证书考核明细表', '图1各证书通过率']) {
    expect(flat, needle).toContain(needle);
  }
  // Every row of table 3: its level and figures in one line, and its certificate.
  const rows = new Map<string, number>();
  for (const r of data.records) {
    const line = `${r.level}${r.registered}${r.certified ?? '未出成绩'}${rate(r.certified, r.registered)}`;
    rows.set(line, (rows.get(line) ?? 0) + 1);
    expect(flat, r.certificate).toContain(squeeze(r.certificate).slice(0, 8));
  }
  for (const [line, count] of rows) {
    expect(flat.split(line).length - 1, line).toBeGreaterThanOrEqual(count);
  }
  expect(flat).toContain('总计34822297');
  // The totals row's rate is the report's (over all registered); the line under the table
  // gives both, each with its definition.
  expect(flat).toContain('总计3482229765.97%');
  expect(flat).toContain('注：总计行的通过率为全部报考口径65.97%');
  expect(flat).toContain('按已公布成绩口径为72.16%');
  // No `--` of two meanings.
  expect(flat).toContain('未出成绩');
  expect(flat).toContain('无人报考');
  // The header row repeats on the table's later pages.
  expect(text.match(/申报计划\s+证书名称/g)!.length).toBeGreaterThanOrEqual(2);
  expect(pages).toBeGreaterThanOrEqual(3);
  const parts = zipParts(file);
  expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(3);
});

test('the Word file follows the filters and the language', async ({ page }) => {
  test.setTimeout(180_000);
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('export-docx')).toHaveText('Export Word');
  const dir = workdir();
  const file = await download(page, 'export-docx', dir);
  expect(path.basename(file)).toContain('(3 of 38 records, filtered)');
  const flat = squeeze(convert(file).text);
  for (const needle of ['AsofDec', 'Level:Elementary', 'Table1', 'Figure1', 'Passratebycertificate', 'Total']) {
    if (needle === 'AsofDec') {
      expect(flat).toMatch(/Asof31Dec2021/);
    } else {
      expect(flat, needle).toContain(needle);
    }
  }
  const elementary = data.records.filter((r) => r.level === '初级');
  for (const r of elementary) {
    expect(flat).toContain(`Elementary${r.registered.toLocaleString('en')}`);
  }
  expect(flat).not.toContain('Intermediate');
});

test('the PowerPoint file has a page per slide, each with its title as text', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = workdir();
  const file = await download(page, 'export-pptx', dir);
  expect(path.basename(file)).toMatch(/\.pptx$/);
  const status = page.getByTestId('office-status');
  await expect(status).toHaveAttribute('data-state', 'done');
  const slides = Number(/（(\d+) 页）/.exec((await status.textContent()) ?? '')![1]);
  const parts = zipParts(file);
  expect(parts['ppt/presentation.xml']).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  const titles = Array.from({ length: slides }, (_, i) => {
    const xml = parts[`ppt/slides/slide${i + 1}.xml`];
    expect(xml, `slide ${i + 1}`).toBeTruthy();
    const title = /<p:ph type="title"\/>.*?<a:t>([^<]*)<\/a:t>/.exec(xml)![1];
    return title;
  });
  expect(parts[`ppt/slides/slide${slides + 1}.xml`]).toBeUndefined();
  // The opening: the dataset, its filters and date, the key figures.
  expect(titles[0]).toBe('2021年“1+X”证书制度试点工作报告');
  const opening = squeeze(parts['ppt/slides/slide1.xml'].replace(/<[^>]+>/g, ''));
  for (const needle of ['全部', '数据截至2021年12月31日', '报考人数', '3482', '获证人数', '2297', '72.16%', '65.97%']) {
    expect(opening, needle).toContain(needle);
  }
  // The three charts, the long ones over several pages.
  expect(titles[1]).toMatch(/^各证书通过率（1\/\d+）$/);
  // The counts take no slide of rows nobody registered for: the last one names them.
  const counts = titles.map((t, i) => [t, i] as const).filter(([t]) => t.startsWith('报考人数与获证人数'));
  const lastCounts = counts[counts.length - 1][1] + 1;
  expect(parts[`ppt/notesSlides/notesSlide${lastCounts}.xml`]).toContain('无人报考：');
  expect(titles).toContain(titles.find((t) => t.startsWith('报考人数与获证人数')));
  expect(titles.some((t) => /^按.+的通过率/.test(t))).toBe(true);
  // The summary in the speaker notes.
  expect(parts['ppt/notesSlides/notesSlide1.xml']).toContain('截至2021年12月31日');

  const { pages, pageText } = convert(file);
  expect(pages).toBe(slides);
  for (let n = 1; n <= slides; n++) {
    expect(squeeze(pageText(n)), `page ${n}`).toContain(squeeze(titles[n - 1]));
  }
});

test('a 4:3 export size makes a 4:3 deck, and per-group slides come when asked', async ({ page }) => {
  test.setTimeout(240_000);
  await page.getByTestId('export-size').selectOption('1024x768');
  const dir = workdir();
  let file = await download(page, 'export-pptx', dir);
  let parts = zipParts(file);
  expect(parts['ppt/presentation.xml']).toContain('<p:sldSz cx="9144000" cy="6858000" type="screen4x3"/>');
  const plain = Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;

  await page.getByTestId('present-groups').check();
  fs.rmSync(file);
  file = await download(page, 'export-pptx', dir);
  parts = zipParts(file);
  const slides = Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slides.length).toBeGreaterThan(plain);
  const last = parts[`ppt/slides/slide${slides.length}.xml`];
  expect(last).toMatch(/<a:t>[^<]+ · 各证书通过率/);
  // A group's slide has that group's summary in its notes, not the whole dataset's.
  expect(parts[`ppt/notesSlides/notesSlide${slides.length}.xml`]).not.toContain('3482');
  expect(convert(file).pages).toBe(slides.length);
});

test('the Excel file opens in LibreOffice with every record', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = workdir();
  const file = await download(page, 'export-xlsx', dir);
  const flat = squeeze(convert(file).text);
  for (const r of data.records) {
    expect(flat, r.certificate).toContain(squeeze(r.certificate).slice(0, 8));
  }
  expect(flat).toContain('合计');
  expect(flat).toContain('3482');
  // Both overall rates in the totals row, and the line that says which is which.
  expect(flat).toContain('72.16%');
  expect(flat).toContain('65.97%');
  expect(flat).toContain('全部报考口径65.97%');
  expect(flat).toContain('已公布成绩口径72.16%');
});

test('the Excel file prints on A4 landscape, one page wide, its title and header on every page', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = workdir();
  const file = await download(page, 'export-xlsx', dir);
  const { pdf, pages, pageText } = convert(file);
  // The records sheet one page wide (it printed on 7 with its columns apart), then the checks.
  expect(pages).toBeLessThanOrEqual(4);
  const size = execFileSync('pdfinfo', [pdf]).toString();
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(size)!;
  expect(Number(w), 'landscape').toBeGreaterThan(Number(h));
  // Every column on the first page, and the title in the header of every page.
  const first = squeeze(pageText(1));
  for (const heading of ['申报计划', '证书名称', '报考人数', '获证人数', '通过率(计算)', '备注']) {
    expect(first, heading).toContain(heading);
  }
  for (let n = 1; n <= pages; n++) {
    expect(squeeze(pageText(n)), `page ${n}`).toContain('2021年“1+X”证书制度试点工作报告');
  }
});

test('the comparison leaves as a Word file and a PowerPoint deck that LibreOffice opens', async ({ page }) => {
  test.setTimeout(300_000);
  await page.getByTestId('file-input').setInputFiles(path.join(root, 'docs/examples/report-2022.json'));
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);
  await page.getByTestId('compare-open').click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByTestId('compare-row')).toHaveCount(41);
  const sentence = (await compare.getByTestId('compare-sentence').textContent())!;
  const dir = workdir();

  const doc = await download(page, 'compare-export-docx', dir);
  expect(path.basename(doc)).toMatch(/^两年比较 2021年.+→ 2022年.+\.docx$/);
  await expect(compare.getByTestId('compare-office-status')).toHaveText('已导出 Word');
  const docParts = zipParts(doc);
  const figures = Object.keys(docParts).filter((n) => /^word\/media\/figure\d+\.png$/.test(n));
  expect(figures.length, 'the rate and the registered charts, in pieces').toBeGreaterThanOrEqual(2);
  const flat = squeeze(convert(doc).text);
  for (const needle of [sentence, '两年比较', '表1', '两年关键数据', '表2', '各证书等级两年对比', '图1']) {
    expect(flat, needle).toContain(squeeze(needle));
  }
  // Every row of the comparison, BIM's figures among them.
  expect(flat).toContain('16613354.82%49.62%−5.20');

  const deck = await download(page, 'compare-export-pptx', dir);
  await expect(compare.getByTestId('compare-office-status')).toHaveText('已导出 PowerPoint');
  const parts = zipParts(deck);
  const slides = Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const titles = Array.from({ length: slides }, (_, i) =>
    /<p:ph type="title"\/>.*?<a:t>([^<]*)<\/a:t>/.exec(parts[`ppt/slides/slide${i + 1}.xml`])![1],
  );
  // The opening: both datasets, then the key figures of both years.
  expect(titles[0]).toMatch(/^两年比较 /);
  expect(squeeze(parts['ppt/slides/slide1.xml'].replace(/<[^>]+>/g, ''))).toContain('3482→2965（−517（−14.8%））');
  expect(titles[1]).toMatch(/^各证书等级通过率：A（空心）→ B（实心）（1\/\d+）$/);
  expect(titles[titles.length - 1]).toMatch(/^各证书等级报考人数/);
  // The sentence in the speaker notes.
  expect(parts['ppt/notesSlides/notesSlide1.xml']).toContain('报考人数减少517人');
  const { pages } = convert(deck);
  expect(pages).toBe(slides);
});
