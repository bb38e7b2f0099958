// Presentation mode, chart exports, the generated summary, print and accessibility, driven as a
// user does: keys a presenter clicker sends, downloads checked byte by byte, axe-core on the
// page in each theme.
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

const shots = path.resolve(__dirname, '../../target/screenshots');

async function open(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('data-draw-count', /\d+/);
  // The header's buttons come with the chunk fetched right after the first screen.
  await expect(page.getByTestId('lang')).toBeVisible();
}

/** Waits until the slide's canvas has been drawn (its size set by the stage). */
async function slideDrawn(page: Page) {
  const canvas = page.getByTestId('slide-chart');
  await expect(canvas).toBeVisible();
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width))
    .toBeGreaterThan(300);
}

test('P starts the slides; clicker keys step through them; Esc leaves', async ({ page }) => {
  await open(page);
  await page.locator('body').press('p');
  const slide = page.getByTestId('slide');
  await expect(slide).toBeVisible();
  await slideDrawn(page);
  await expect(slide).toHaveAttribute('data-slide', '0');
  await expect(page.getByTestId('slide-title')).toContainText('各证书通过率');
  const total = Number(await slide.getAttribute('data-slides'));
  // 38 records at the room's type size take several slides per chart, plus the group chart.
  expect(total).toBeGreaterThanOrEqual(7);

  const at = (n: number) => expect(slide).toHaveAttribute('data-slide', String(n));
  await page.keyboard.press('ArrowRight');
  await at(1);
  await page.keyboard.press('PageDown');
  await at(2);
  await page.keyboard.press('Space');
  await at(3);
  await page.keyboard.press('PageUp');
  await at(2);
  await page.keyboard.press('ArrowLeft');
  await at(1);
  await page.keyboard.press('End');
  await at(total - 1);
  // The default grouping is by batch.
  await expect(page.getByTestId('slide-title')).toContainText('按申报批次的通过率');
  await expect(page.getByTestId('slide-counter')).toHaveText(`${total} / ${total}`);
  // Past the end stays at the end.
  await page.keyboard.press('ArrowRight');
  await at(total - 1);
  await page.keyboard.press('Home');
  await at(0);

  // The slide names the dataset, the filters and the date.
  await expect(slide).toContainText('全部记录');
  await expect(slide).toContainText('数据截至 2021年12月31日');

  await page.keyboard.press('Escape');
  await expect(slide).toBeHidden();
  await expect(page.getByTestId('present')).toBeFocused();
  // The page is as it was.
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
});

test('a slide per value of the grouping, with the filter on every slide', async ({ page }) => {
  await open(page);
  await page.getByTestId('filter-batch').locator('input[type=checkbox]').first().check();
  const records = await page.getByTestId('kpi-records').textContent();
  await page.getByTestId('group-by').locator('input[value=level]').check();
  await page.getByTestId('present').click();
  const slide = page.getByTestId('slide');
  await slideDrawn(page);
  const plain = Number(await slide.getAttribute('data-slides'));
  await expect(slide).toContainText('筛选：批次：');
  await page.keyboard.press('Escape');
  await expect(slide).toBeHidden();

  await page.getByTestId('present-groups').check();
  await page.getByTestId('present').click();
  await slideDrawn(page);
  const withGroups = Number(await slide.getAttribute('data-slides'));
  expect(withGroups).toBeGreaterThan(plain);
  await page.keyboard.press('End');
  await expect(page.getByTestId('slide-title')).toContainText(/(初级|中级|高级) · 各证书通过率/);
  await page.getByTestId('present-exit').click();
  await expect(slide).toBeHidden();
  await expect(page.getByTestId('kpi-records')).toHaveText(records ?? '');
});

for (const [width, height] of [
  [1024, 768],
  [1280, 800],
  [1920, 1080],
]) {
  test(`slides at ${width}×${height}: no text under 24 px, nothing cut off`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page);
    await page.getByTestId('present').click();
    await slideDrawn(page);
    for (const [index, name] of [
      [0, 'pass-rate'],
      [-1, 'by-group'],
    ] as const) {
      if (index === -1) await page.keyboard.press('End');
      await slideDrawn(page);
      // Text in the page: every element with its own text is at least 24 CSS px.
      const sizes = await page.getByTestId('slide').evaluate((root) => {
        const out: { text: string; px: number }[] = [];
        for (const el of root.querySelectorAll<HTMLElement>('*')) {
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (own) out.push({ text: el.textContent!.trim(), px: parseFloat(getComputedStyle(el).fontSize) });
        }
        return out;
      });
      expect(sizes.length).toBeGreaterThan(3);
      for (const { text, px } of sizes) expect(px, text).toBeGreaterThanOrEqual(24);
      // Text in the chart: its smallest font (12 layout px) times the slide's scale.
      const scale = Number(await page.getByTestId('slide-chart').getAttribute('data-type-scale'));
      expect(12 * scale).toBeGreaterThanOrEqual(24);
      // The slide fits the screen: nothing scrolls or sticks out.
      const box = await page.getByTestId('slide').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(width);
      expect(box!.height).toBeLessThanOrEqual(height);
      const foot = await page.getByTestId('slide-counter').boundingBox();
      expect(foot!.y + foot!.height).toBeLessThanOrEqual(height);
      await page.screenshot({ path: path.join(shots, `slide-${name}-${width}x${height}.png`) });
    }
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('PNG export: 2× device pixels at the chosen slide size, with a caption', async ({ page }) => {
  await open(page);
  await page.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-pass-rate') });

  let waiting = page.waitForEvent('download');
  await chart.getByTestId('export-png').click();
  let download = await waiting;
  expect(download.suggestedFilename()).toMatch(/各证书通过率.*\.png$/);
  let file = path.join(shots, 'export-pass-rate-1920x1080.png');
  await download.saveAs(file);
  expect(pngSize(fs.readFileSync(file))).toEqual({ width: 1920, height: 1080 });

  await page.getByTestId('export-size').selectOption('1280x720');
  waiting = page.waitForEvent('download');
  await chart.getByTestId('export-png').click();
  download = await waiting;
  file = path.join(shots, 'export-pass-rate-1280x720.png');
  await download.saveAs(file);
  expect(pngSize(fs.readFileSync(file))).toEqual({ width: 1280, height: 720 });
  await expect(chart.locator('.pb-chart__export-status')).toHaveText('已导出 PNG');
});

test('asked for one tall picture, a chart taller than a slide exports at the slide width, as tall as it needs', async ({ page }) => {
  await open(page);
  await page.getByTestId('export-tall').check();
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-registered-certified') });
  const waiting = page.waitForEvent('download');
  await chart.getByTestId('export-png').click();
  const download = await waiting;
  const file = path.join(shots, 'export-registered-certified.png');
  await download.saveAs(file);
  const { width, height } = pngSize(fs.readFileSync(file));
  expect(width).toBe(1920);
  // 38 rows of 28 px, the chart's margins (98 px) and the caption (84 px), at 2×.
  expect(height).toBe(2 * (38 * 28 + 98 + 84));
});

test('a chart taller than a slide exports as slide-sized pages, each page a picture', async ({ page }) => {
  await open(page);
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-registered-certified') });
  // Names in the order the downloads start; sizes once each file is saved (saves may finish in
  // any order).
  const names: string[] = [];
  const saved: Promise<{ width: number; height: number }>[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      names.push(download.suggestedFilename());
      const file = path.join(shots, `export-page-${names.length}.png`);
      saved.push(download.saveAs(file).then(() => pngSize(fs.readFileSync(file))));
      if (names.length === 4) resolve();
    });
  });
  await chart.getByTestId('export-png').click();
  await all;
  // 1080 / 2 = 540 layout px, less the caption (84) and the chart's margins (98): 12 rows a page.
  expect(names).toEqual(
    [1, 2, 3, 4].map((n) => expect.stringMatching(new RegExp(`报考人数与获证人数 第${n}页（共4页）-\\d{4}-\\d{2}-\\d{2}\\.png$`))),
  );
  for (const size of await Promise.all(saved)) expect(size).toEqual({ width: 1920, height: 1080 });
  await expect(chart.locator('.pb-chart__export-status')).toHaveText('已导出 4 页 PNG');
});

test('a chart of few bars fills its exported slide instead of leaving it half empty', async ({ page }) => {
  await open(page);
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-by-group') });
  const waiting = page.waitForEvent('download');
  await chart.getByTestId('export-png').click();
  const file = path.join(shots, 'export-by-batch-1920x1080.png');
  await (await waiting).saveAs(file);
  // How far down the picture anything is drawn: the lowest row with a pixel that is not white.
  const lowest = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    for (let y = image.height - 1; y >= 0; y--) {
      for (let x = 0; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) return y;
      }
    }
    return 0;
  }, fs.readFileSync(file).toString('base64'));
  expect(lowest / 1080, 'the chart reaches the lower fifth of the slide').toBeGreaterThan(0.8);
});

test('SVG export: parses as XML and keeps the Chinese labels and caption as text', async ({ page }) => {
  await open(page);
  await page.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-pass-rate') });
  const waiting = page.waitForEvent('download');
  await chart.getByTestId('export-svg').click();
  const download = await waiting;
  const file = path.join(shots, 'export-pass-rate.svg');
  await download.saveAs(file);
  const svg = fs.readFileSync(file, 'utf-8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const root = doc.documentElement;
    return {
      error: error?.textContent ?? null,
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim()),
      fonts: [...new Set([...doc.querySelectorAll('text')].map((t) => t.getAttribute('font-family')))],
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect([parsed.width, parsed.height]).toEqual(['960', '540']);
  expect(parsed.texts).toContain('各证书通过率');
  expect(parsed.texts).toContain('筛选：等级：初级 · 数据截至 2021年12月31日');
  expect(parsed.texts.some((t) => t.startsWith('企业管理咨询'))).toBe(true);
  expect(parsed.fonts).toHaveLength(1);
  expect(parsed.fonts[0]).toContain('Microsoft YaHei');
  expect(parsed.fonts[0]).toContain('PingFang SC');
  expect(parsed.fonts[0]).toContain('Noto Sans CJK SC');
});

test('copy image puts a PNG on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  const chart = page.locator('.pb-chart').filter({ has: page.getByTestId('chart-by-group') });
  await chart.getByTestId('copy-image').click();
  await expect(chart.locator('.pb-chart__export-status')).toContainText('图片已复制');
  const types = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    return items.flatMap((item) => item.types);
  });
  expect(types).toContain('image/png');
});

test('the summary speaks as the report does, follows the filter and the language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText(
    '截至2021年12月31日，共有3482名学生参加证书考核，2297名学生获得证书，通过率65.97%；其中2个试点（299人）尚未公布成绩，已公布成绩的通过率为72.16%。',
  );
  // It is also each chart's description for screen readers.
  const text = (await page.getByTestId('summary-text').textContent())!.trim();
  await expect(page.getByTestId('chart-pass-rate')).toHaveAttribute('aria-description', text);

  await page.getByTestId('filter-level').locator('input[type=checkbox][value="初级"]').check();
  await expect(summary).toContainText('52名学生');
  await expect(summary).toContainText('少于10人，通过率仅供参考');

  await page.getByTestId('summary-copy').click();
  await expect(page.getByTestId('summary-copy-status')).toHaveText('已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('52名学生');

  await page.getByTestId('lang').click();
  await expect(summary).toContainText('students sat certificate assessments');
  await expect(page.locator('.pb-chart__title').first()).toHaveText('Pass rate by certificate');
});

test('the charts follow the theme; exports stay black on white', async ({ page }) => {
  await open(page);
  const corner = () =>
    page.getByTestId('chart-pass-rate').evaluate((c: HTMLCanvasElement) => {
      const [r, g, b] = c.getContext('2d')!.getImageData(1, 1, 1, 1).data;
      return r + g + b;
    });
  expect(await corner()).toBeGreaterThan(700);
  const draws = Number(await page.getByTestId('chart-pass-rate').getAttribute('data-draw-count'));
  await page.getByTestId('theme').selectOption('dark');
  await expect
    .poll(async () => Number(await page.getByTestId('chart-pass-rate').getAttribute('data-draw-count')))
    .toBeGreaterThan(draws);
  expect(await corner()).toBeLessThan(200);
  await page.screenshot({ path: path.join(shots, 'theme-dark.png'), fullPage: false });
  await page.getByTestId('theme').selectOption('contrast');
  await expect.poll(corner).toBeGreaterThan(700);
  await page.screenshot({ path: path.join(shots, 'theme-contrast.png'), fullPage: false });
});

test('printing gives A4 pages of figures without controls', async ({ page }) => {
  await open(page);
  await page.emulateMedia({ media: 'print' });
  for (const id of ['present', 'lang', 'file-input', 'record-add']) {
    await expect(page.getByTestId(id)).toBeHidden();
  }
  await expect(page.getByTestId('export-png').first()).toBeHidden();
  await expect(page.getByTestId('kpi-records')).toBeVisible();
  await expect(page.getByTestId('summary-text')).toBeVisible();
  await expect(page.getByTestId('chart-pass-rate')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', path: path.join(shots, 'print.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // A4 portrait media box: 595 × 842 points.
  expect(pdf.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\s*\]/);
});

/** Runs axe-core on the page; returns the serious and critical violations. */
async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const report = await axe.run(document, { resultTypes: ['violations'] });
    return report.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
  return result;
}

for (const theme of ['light', 'dark', 'contrast']) {
  test(`axe finds no serious or critical problem (${theme} theme)`, async ({ page }) => {
    await open(page);
    await page.getByTestId('theme').selectOption(theme);
    // Open every chart's data table, so that they are checked too.
    for (const summary of await page.locator('.pb-chart__data summary').all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical problem on a slide, nor in English', async ({ page }) => {
  await open(page);
  await page.getByTestId('lang').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('present').click();
  await slideDrawn(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('every control is reached by Tab with a visible focus ring', async ({ page }) => {
  await open(page);
  const seen = new Set<string>();
  let unringed: string[] = [];
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none';
      // A visually hidden input shows its focus on the label it sits in (.pb-segmented,
      // file button): accept a ring on the next element or the parent.
      const next = el.nextElementSibling as HTMLElement | null;
      const parent = el.parentElement as HTMLElement | null;
      const around = [next, parent].some((e) => {
        if (!e) return false;
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      });
      return { id: el.dataset.testid ?? el.tagName + '.' + el.className, ring: ring || around };
    });
    if (!info) continue;
    seen.add(info.id);
    if (!info.ring) unringed.push(info.id);
  }
  for (const id of ['lang', 'theme', 'present', 'export-png', 'export-svg']) {
    expect([...seen], id).toContain(id);
  }
  expect(unringed).toEqual([]);
});
