// The page where people read it: a laptop's first screen, a phone, paper (in every theme), and
// slides at a projector's 1024×768. Each test looks at what a person sees (positions, sizes,
// colours) and leaves a screenshot in target/screenshots/ to look at.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const shots = path.resolve(__dirname, '../../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

async function open(page: Page, url = './') {
  await page.goto(url);
  await expect(page.getByTestId('kpi-records')).not.toHaveText('');
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d/);
}

test('a laptop’s first screen shows the key figures, the first chart and what the data is', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page);
  for (const id of ['kpi-records', 'kpi-pass-rate', 'kpi-pass-rate-all']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} above the fold`).toBeLessThan(768);
  }
  const chart = (await page.getByTestId('chart-pass-rate').boundingBox())!;
  expect(chart.y, 'the first chart starts above the fold').toBeLessThan(768 - 200);
  const note = page.getByTestId('sample-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('示例数据');
  await expect(note).toContainText('打开数据文件');
  expect((await note.boundingBox())!.y).toBeLessThan(200);

  // The majors box cuts no row in half: its last visible row ends inside it.
  const cut = await page.getByTestId('filter-major').evaluate((box) => {
    const bottom = box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).paddingBottom);
    return [...box.querySelectorAll('label')].some((row) => {
      const r = row.getBoundingClientRect();
      return r.top < bottom - 1 && r.bottom > bottom + 1;
    });
  });
  expect(cut, 'a row of majors cut by the box’s edge').toBe(false);
  await page.screenshot({ path: path.join(shots, 'first-screen-1366x768.png') });

  // Opened data of one's own: the sample note goes.
  await page.getByTestId('file-input').setInputFiles(path.resolve(__dirname, '../../docs/examples/minimal.json'));
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await expect(note).toHaveCount(0);
});

test('a phone reads the dashboard without scrolling sideways; slides fit its screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  // Charts put their labels above the bars and stay inside the screen.
  const canvas = page.getByTestId('chart-pass-rate');
  await expect(canvas).toHaveAttribute('data-labels', 'above');
  const box = (await canvas.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(shots, 'phone-390x844.png') });
  await canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'phone-chart-390x844.png') });

  // The records: a table that scrolls by itself, its certificate column readable.
  const table = page.getByTestId('records-table');
  await table.scrollIntoViewIfNeeded();
  expect(await sideways()).toBeLessThanOrEqual(0);
  const scroller = await table.evaluate((t) => {
    const wrap = t.parentElement!;
    return { scrolls: wrap.scrollWidth > wrap.clientWidth, inside: wrap.getBoundingClientRect().right <= window.innerWidth };
  });
  expect(scroller).toEqual({ scrolls: true, inside: true });
  const name = (await page.getByTestId('record-row').first().locator('input[name=certificate]').boundingBox())!;
  expect(name.width, 'the certificate name box').toBeGreaterThan(120);
  await page.screenshot({ path: path.join(shots, 'phone-records-390x844.png') });

  // A slide fits the screen, its buttons on one line.
  await page.getByTestId('present').click();
  const slide = page.getByTestId('slide');
  await expect(slide).toBeVisible();
  await expect(page.getByTestId('slide-chart')).toHaveAttribute('data-bars', /[1-9]/);
  const slideBox = (await slide.boundingBox())!;
  expect(slideBox.x + slideBox.width).toBeLessThanOrEqual(390 + 0.5);
  const exit = (await page.getByTestId('present-exit').boundingBox())!;
  const counter = (await page.getByTestId('slide-counter').boundingBox())!;
  expect(exit.x + exit.width).toBeLessThanOrEqual(390);
  expect(Math.abs(exit.y - counter.y), 'the slide’s buttons on one line').toBeLessThan(exit.height);
  for (const button of await slide.locator('.pb-slide__button').all()) {
    const b = (await button.boundingBox())!;
    expect(b.height, 'a button’s words on one line').toBeLessThan(counter.height * 1.6);
  }
  expect(counter.height, 'the counter on one line').toBeLessThan(30);
  // The chart's rows fit its stage: the bars drawn are no more than its height holds.
  const stage = (await page.getByTestId('slide-chart').boundingBox())!;
  const bars = Number(await page.getByTestId('slide-chart').getAttribute('data-bars'));
  expect(34 + bars * 46 + 64, 'rows of a stacked slide chart').toBeLessThanOrEqual(stage.height + 0.5);
  await page.screenshot({ path: path.join(shots, 'phone-slide-390x844.png') });
});

for (const theme of ['light', 'dark', 'contrast'] as const) {
  test(`printing from the ${theme} theme gives every record and name whole, in light colours`, async ({ page }) => {
    await open(page);
    await page.getByTestId('theme').selectOption(theme);
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('print-records');
    await expect(printed).toBeVisible();
    await expect(printed.locator('tbody tr')).toHaveCount(38);
    await expect(page.getByTestId('records-table')).toBeHidden();
    // Names whole: the certificate column is wide enough for words, and its heading stays
    // clear of the level's.
    const widths = await printed.evaluate((t) => {
      const head = [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
      return { certificate: head[2].width, overlap: head[2].right > head[3].left + 0.5 };
    });
    expect(widths.certificate).toBeGreaterThan(80);
    expect(widths.overlap).toBe(false);
    await expect(printed).toContainText('产品创意设计职业技能等级证书');
    // Light colours whatever the theme: a key figure's card is white-ish with dark text.
    const colours = await page.getByTestId('kpi-records').evaluate((value) => {
      const card = value.closest('.pb-kpi')!;
      const luminance = (css: string) => {
        const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.map(Number);
        return (r + g + b) / 3;
      };
      return { ground: luminance(getComputedStyle(card).backgroundColor), ink: luminance(getComputedStyle(value).color) };
    });
    expect(colours.ground).toBeGreaterThan(230);
    expect(colours.ink).toBeLessThan(80);
    // The folded list of records to look at is printed, not empty.
    const warnings = page.locator('.pb-recon__warnings li');
    await expect(warnings.first()).toBeVisible();
    expect(await warnings.count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(shots, `print-${theme}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: path.join(shots, `print-${theme}.pdf`) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Back on screen: the boxes again.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('records-table')).toBeVisible();
    await expect(printed).toHaveCount(0);
  });
}

test('slides at 1024×768 hold more bars and name the bars without a rate under the last one', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page);
  await page.getByTestId('present').click();
  const slide = page.getByTestId('slide');
  const chart = page.getByTestId('slide-chart');
  await expect(chart).toHaveAttribute('data-bars', /\d/);
  const perSlide = Number(await chart.getAttribute('data-bars'));
  expect(perSlide, 'bars on a slide at 24 px type').toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: path.join(shots, 'slide-pass-rate-1024x768-compact.png') });

  // Step through the pass-rate slides: 31 of the 38 records have a rate.
  const pages = Math.ceil(31 / perSlide);
  for (let n = 1; n < pages; n++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-title')).toContainText(`各证书通过率（${pages}/${pages}）`);
  const label = (await chart.getAttribute('aria-label'))!;
  expect(label).toContain('未出成绩：数字创意建模 · 中级');
  expect(label).toContain('无人报考：');
  expect(Number(await chart.getAttribute('data-bars'))).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(shots, 'slide-pass-rate-last-1024x768.png') });
  // The next slide is the counts chart: no slide of "无人报考" alone.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-title')).toContainText('报考人数与获证人数');
  await expect(slide).toBeVisible();
});

test('on paper a heading stays with what follows it and each chart starts on a page that holds it', async ({ page }) => {
  await open(page);
  // The other two charts come with the chunk after the first screen: drawn before printing.
  for (const id of ['chart-registered-certified', 'chart-by-group']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-draw-count', /\d/);
  }
  await page.emulateMedia({ media: 'print' });
  const file = path.join(shots, 'print-pages.pdf');
  await page.pdf({ format: 'A4', path: file });
  const { execFileSync } = await import('node:child_process');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  const text = (n: number) =>
    execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).toString().replace(/\s+/g, '');
  // The pages that hold a picture (each chart is one).
  const pictured = new Set(
    execFileSync('pdfimages', ['-list', file])
      .toString()
      .split('\n')
      .slice(2)
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0),
  );
  const pageOf = (needle: string) => Array.from({ length: pages }, (_, i) => i + 1).find((n) => text(n).includes(needle));
  const section = pageOf('图表')!;
  const first = pageOf('各证书通过率')!;
  expect(first, 'the section heading and the first chart’s title on one page').toBe(section);
  expect(pictured.has(first), 'the first chart on the page of its title').toBe(true);
  for (const title of ['报考人数与获证人数']) {
    const n = pageOf(title)!;
    expect(pictured.has(n), `${title}: its chart on the page of its title`).toBe(true);
  }
  // A chart is whole on one page: as many pictured pages as charts, none split over two.
  const charts = await page.locator('.pb-chart__canvas').count();
  expect(pictured.size).toBeGreaterThanOrEqual(charts);
  const box = (await page.getByTestId('chart-pass-rate').boundingBox())!;
  // A4's printable height at 96 px to the inch, less the margins: under 1,000 px.
  expect(box.height, 'the 38 rows scaled to a page').toBeLessThan(950);
});

test('a phone shows the key figures first and the filters behind one button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const kpis = (await page.getByTestId('kpi-records').boundingBox())!;
  const toggle = page.getByTestId('filters-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const button = (await toggle.boundingBox())!;
  expect(kpis.y, 'the key figures above the filters').toBeLessThan(button.y);
  await expect(page.getByTestId('filter-level')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  // The chips under the button say which filters are on, open or folded.
  await toggle.click();
  await expect(page.getByTestId('filter-level')).toBeHidden();
  await expect(page.locator('.pb-chips')).toContainText('初级');
  await page.screenshot({ path: path.join(shots, 'phone-filters-390x844.png') });
  // On a laptop there is no such button: the filters are always there.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(toggle).toBeHidden();
  await expect(page.getByTestId('filter-level')).toBeVisible();
});
