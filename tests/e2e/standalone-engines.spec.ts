// The standalone file in the other two engines, from file://: WebKit (the engine of every
// iPhone browser; Debian's WebKitWebDriver drives WebKitGTK's MiniBrowser under xvfb-run) and
// Firefox (Debian's firefox-esr under puppeteer-core, over WebDriver BiDi). Each opens the file
// the hosted page exported in Chromium and shows its key figures; its filters and slides work,
// and an edit made in it is there after a reload (both keep a file:// page's storage).
// scripts/install-test-tools.sh installs both.
import { type Page } from '@playwright/test';
import { test, expect, editedAndFiltered } from './fixtures';
import { exportStandalone } from './standalone-helpers';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KPIS = ['records', 'registered', 'certified', 'pending', 'pass-rate', 'pass-rate-all'];
const LEVEL = '[data-testid=filter-level] input[type=checkbox][value="初级"]';

/** The built-in report with one edit, on a view with a filter, exported; and its key figures. */
async function exported(page: Page, testInfo: Parameters<typeof exportStandalone>[1]) {
  const figures = await editedAndFiltered(page);
  return { file: await exportStandalone(page, testInfo), figures };
}

/** Polls `read` until it gives `want` (compared as JSON) or `ms` pass; returns the last value. */
async function until<T>(read: () => Promise<T>, want: T, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read().catch(() => undefined as T);
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read().catch(() => undefined as T);
  }
  return last;
}

test('Firefox opens the standalone file from file://: its figures, a filter, the slides, an edit kept over a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { file, figures } = await exported(page, testInfo);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
  });
  try {
    const firefox = await browser.newPage();
    const errors: string[] = [];
    firefox.on('pageerror', (error) => errors.push(String(error)));
    await firefox.goto(pathToFileURL(file).href);
    await firefox.waitForSelector('[data-testid=chart-pass-rate][data-draw-count]', { timeout: 30_000 });
    const read = () =>
      firefox.evaluate((names: string[]) => names.map((n) => document.querySelector(`[data-testid=kpi-${n}]`)?.textContent?.trim() ?? ''), KPIS);
    expect(await until(read, figures)).toEqual(figures);
    await firefox.waitForSelector('[data-testid=standalone-origin]');
    expect(await firefox.$eval('[data-testid=standalone-origin]', (e) => e.textContent)).toMatch(/^离线报告：2021年/);
    await firefox.click(LEVEL);
    const records = () => firefox.$eval('[data-testid=kpi-records]', (e) => e.textContent?.trim());
    expect(await until(records, '38')).toBe('38');
    await firefox.click('[data-testid=present]');
    await firefox.waitForSelector('[data-testid=slide][data-slide="0"]', { timeout: 15_000 });
    await firefox.click('[data-testid=present-exit]');
    // An edit made in the file is kept over a reload (Firefox keeps a file:// page's storage).
    const certified = '[data-testid=record-row] input[name=certified]';
    await firefox.waitForSelector(certified);
    await firefox.waitForFunction(() => !document.querySelector('[data-testid=slide]'));
    const second = (await firefox.$$(certified))[1];
    await second.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await second.click({ count: 3 });
    await second.type('7');
    await firefox.keyboard.press('Enter');
    await firefox.reload();
    await firefox.waitForSelector(certified, { timeout: 30_000 });
    const kept = () => firefox.$$eval(certified, (inputs) => (inputs[1] as HTMLInputElement).value);
    expect(await until(kept, '7')).toBe('7');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

/** A WebDriver session with MiniBrowser, through WebKitWebDriver under xvfb-run. */
async function webkit(port: number) {
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(answer.value)}`);
    return answer.value;
  };
  const ready = await until(() => call('GET', '/status').then((s) => Boolean(s.ready)), true, 20_000);
  if (!ready) throw new Error('WebKitWebDriver did not start');
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        unhandledPromptBehavior: 'accept',
      },
    },
  });
  const at = `/session/${session.sessionId}`;
  const script = (source: string, args: unknown[] = []) => call('POST', `${at}/execute/sync`, { script: source, args });
  return {
    go: (url: string) => call('POST', `${at}/url`, { url }),
    script,
    click: async (css: string) => {
      const element = await call('POST', `${at}/element`, { using: 'css selector', value: css });
      await call('POST', `${at}/element/${Object.values(element)[0]}/click`, {});
    },
    /** Types `text` over what the `nth` element `css` finds holds (selected first: WebDriver's
     * "clear" would commit an empty value of its own). */
    type: async (css: string, nth: number, text: string) => {
      const elements = await call('POST', `${at}/elements`, { using: 'css selector', value: css });
      const id = Object.values(elements[nth])[0];
      await script('arguments[0].scrollIntoView({ block: "center" }); arguments[0].focus(); arguments[0].select()', [elements[nth]]);
      await call('POST', `${at}/element/${id}/value`, { text });
    },
    reload: () => call('POST', `${at}/refresh`, {}),
    close: async () => {
      await call('DELETE', at).catch(() => {});
      try {
        process.kill(-driver.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

test('WebKit opens the standalone file from file://: its figures, a filter, the slides, an edit kept over a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { file, figures } = await exported(page, testInfo);
  const browser = await webkit(4400 + (process.pid % 500));
  try {
    await browser.go(pathToFileURL(file).href);
    const read = () =>
      browser.script(
        'return arguments[0].map((n) => document.querySelector(`[data-testid=kpi-${n}]`)?.textContent?.trim() ?? "")',
        [KPIS],
      );
    expect(await until(read, figures)).toEqual(figures);
    const origin = () => browser.script('return document.querySelector("[data-testid=standalone-origin]")?.textContent ?? ""');
    expect(await until(async () => /^离线报告：2021年/.test(await origin()), true)).toBe(true);
    await browser.click(LEVEL);
    const records = () => browser.script('return document.querySelector("[data-testid=kpi-records]").textContent.trim()');
    expect(await until(records, '38')).toBe('38');
    await browser.click('[data-testid=present]');
    const slide = () => browser.script('return document.querySelector("[data-testid=slide]")?.getAttribute("data-slide") ?? null');
    expect(await until(slide, '0', 15_000)).toBe('0');
    await browser.click('[data-testid=present-exit]');
    // An edit made in the file is kept over a reload.
    const certified = '[data-testid=record-row] input[name=certified]';
    const value = () =>
      browser.script('return document.querySelectorAll(arguments[0])[1]?.value ?? null', [certified]);
    const slideGone = () => browser.script('return !document.querySelector("[data-testid=slide]")');
    expect(await until(slideGone, true)).toBe(true);
    expect(await until(async () => (await value()) !== null, true)).toBe(true);
    await browser.type(certified, 1, '7\uE007');
    await browser.reload();
    expect(await until(value, '7')).toBe('7');
  } finally {
    await browser.close();
  }
});
