// Static hosting as staff publish the app: the release build copied into a sub-folder of
// someone's web server (https://host/some/dir/), with dataset files beside it for ?data=;
// then the same site visited once and opened again with no network; then a new version
// deployed while a page is open.
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { test, expect, watchErrors } from './fixtures';
import { hashedFiles } from './built-files';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const dist = path.resolve(__dirname, '../../dist');
const subPath = 'some/dir';

// These tests run the app as published, service worker included.
test.use({ serviceWorkers: 'allow' });

/** A web server of its own for one test: a copy of dist/ under /some/dir/ of a fresh root. */
class Site {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-board-site-'));
  readonly folder = path.join(this.root, subPath);
  private server: ChildProcess | undefined;

  constructor(
    readonly port: number,
    /** Whether the server answers a folder's address with its index.html (some are set not to). */
    readonly folderIndex = true,
  ) {
    fs.mkdirSync(this.folder, { recursive: true });
    fs.cpSync(dist, this.folder, { recursive: true, filter: (source) => !source.includes(`${path.sep}bench`) });
  }

  get url() {
    return `http://127.0.0.1:${this.port}/${subPath}/`;
  }

  async start() {
    const args = ['-c', SERVER, String(this.port), this.root, this.folderIndex ? '1' : '0'];
    this.server = spawn('python3', args, { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if ((await fetch(`${this.url}index.html`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on port ${this.port} did not start`);
  }

  async stop() {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await exited;
  }

  /** From now on the server takes 10 s to send anything under data/ (or, with false, not). */
  slowData(slow: boolean) {
    const marker = path.join(this.root, 'SLOW');
    if (slow) fs.writeFileSync(marker, '');
    else fs.rmSync(marker, { force: true });
  }

  /** Deploys "a new version": the same app with another build id in its service worker. */
  redeploy(build: string) {
    const worker = path.join(this.folder, 'sw.js');
    const text = fs.readFileSync(worker, 'utf-8').replace(/^const BUILD = '[^']*';/m, `const BUILD = '${build}';`);
    fs.writeFileSync(worker, text);
  }

  remove() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

// The static server of these tests: Python's, but it may refuse folder addresses (403), as
// servers with directory listing and default documents turned off do (the app is then opened
// as .../index.html), and while a file named SLOW is in its root it takes 10 s to answer for
// anything under a data/ folder, as a poor network does.
const SERVER = `
import functools, http.server, os, sys, time
port, root, folder_index = int(sys.argv[1]), sys.argv[2], sys.argv[3] == '1'
class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.path.split('?')[0]
        if not folder_index and path.endswith('/'):
            self.send_error(403)
            return None
        if '/data/' in path and os.path.exists(os.path.join(root, 'SLOW')):
            time.sleep(10)
        return super().send_head()
    def log_message(self, *args):
        pass
handler = functools.partial(Handler, directory=root)
http.server.ThreadingHTTPServer(('127.0.0.1', port), handler).serve_forever()
`;

let nextPort = 8790;
let site: Site;

test.beforeEach(async () => {
  site = new Site(nextPort++);
  await site.start();
});

test.afterEach(async ({ page }) => {
  // The page first: what it still fetches in the background (the library's chunk comes after
  // the first screen) must not fail for the server going away.
  await page.close();
  await site.stop();
  site.remove();
});

async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  return { context, page, errors };
}

/** Waits until the library of datasets has started (and the work on screen is saved with its
 * id), so that clearing the storage afterwards is not undone by the page. */
async function untilSettled(page: Page) {
  await expect(page.getByTestId('dataset-item').first()).toBeAttached({ timeout: 10_000 });
}

/** Waits until the page is controlled by the app's service worker (its files are cached). */
async function untilOffline(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

async function expectBuiltInData(page: Page) {
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  await expect(page.getByTestId('kpi-pass-rate')).toHaveText('72.16%');
  await expect(page.getByTestId('chart-pass-rate')).toBeVisible();
}

test('the release build works from a sub-path, with hashed file names and only relative addresses', async ({ page }) => {
  const names = fs.readdirSync(dist);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf-8');
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf-8');
  const onDemand = (name: string) => /^(?:__wasm_split|split_[a-z_]+|chunk_\d+)-/.test(name);
  for (const ext of ['.js', '.wasm', '.css'] as const) {
    const hashed = hashedFiles(names, ext);
    expect(hashed, `a hashed ${ext} file in dist/`).not.toEqual([]);
    // Every bundled file is named by its content (so a new deployment never reuses a name) and
    // the page links it by that name.
    // (The import worker names its own files, without a hash, and so does the standalone page's
    // boot script, fetched only when one is exported: the page carries their version.)
    const versioned = (name: string) => name.startsWith('import-worker') || name === 'standalone-boot.js';
    const unhashed = names.filter(
      (name) => name.endsWith(ext) && name !== 'sw.js' && !versioned(name) && !hashed.includes(name),
    );
    expect(unhashed, `${ext} files in dist/ without a content hash`).toEqual([]);
    for (const name of hashed) {
      if (onDemand(name)) {
        // The page's chunks and their loader are named by the service worker, which caches
        // them after the first paint; the loader is imported by the page's JS, and names them.
        expect(sw, `sw.js names ${name}`).toContain(`'${name}'`);
      } else {
        expect(html, `index.html links ${name}`).toContain(`./${name}`);
      }
    }
  }
  const loader = hashedFiles(names, '.js').find((name) => name.startsWith('__wasm_split-'));
  expect(loader, 'the chunks\' loader').toBeTruthy();
  const pageJs = hashedFiles(names, '.js').find((name) => name.startsWith('pilot-board-'))!;
  expect(fs.readFileSync(path.join(dist, pageJs), 'utf-8')).toContain(`from "./${loader}"`);
  for (const chunk of hashedFiles(names, '.wasm').filter(onDemand)) {
    expect(fs.readFileSync(path.join(dist, loader!), 'utf-8'), `the loader names ${chunk}`).toContain(`./${chunk}`);
  }
  expect(html).not.toMatch(/(?:href|src)="\/[^/]/);
  expect(html).toMatch(/<meta name="import-worker-version" content="[0-9a-f]{16}"/);
  expect(html, 'the import worker is not linked: it loads on first use').not.toContain('import-worker.js');

  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(site.url);
  await expectBuiltInData(page);
  expect(failed).toEqual([]);
  expect(requested.length).toBeGreaterThan(3);
  for (const pathname of requested) expect(pathname.startsWith(`/${subPath}/`), pathname).toBe(true);

  // Filters in the address survive a reload under the sub-path.
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await expect(page).toHaveURL(new RegExp(`/${subPath}/\\?.*level=`));
  await page.reload();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await untilSettled(page);
});

test('?data= opens a dataset file put beside the app in the sub-folder', async ({ page }) => {
  fs.mkdirSync(path.join(site.folder, 'data'));
  fs.copyFileSync(path.resolve(__dirname, '../../docs/examples/minimal.json'), path.join(site.folder, 'data', '2022.json'));
  await page.goto(`${site.url}?data=data/2022.json`);
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
});

test('a dataset opened once opens again from the last copy when the network is slow or gone', async ({ browser }) => {
  fs.mkdirSync(path.join(site.folder, 'data'));
  const file = path.join(site.folder, 'data', '2022.json');
  fs.copyFileSync(path.resolve(__dirname, '../../docs/examples/minimal.json'), file);
  const { context, page, errors } = await openPage(browser);
  const address = `${site.url}?data=data/2022.json`;
  await page.goto(address);
  await untilOffline(page);
  await untilSettled(page);
  // Once more, through the service worker now, so that its cache holds the file.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await untilSettled(page);

  // A poor network: the file takes 10 s. The last copy is used after a few seconds instead.
  site.slowData(true);
  await page.evaluate(() => localStorage.clear());
  const started = Date.now();
  await page.goto(address);
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点', { timeout: 8_000 });
  expect(Date.now() - started).toBeLessThan(8_000);
  await untilSettled(page);

  // No network at all: the last copy at once.
  site.slowData(false);
  await site.stop();
  await context.setOffline(true);
  await page.evaluate(() => localStorage.clear());
  await page.goto(address);
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  expect(errors).toEqual([]);
  await context.close();
});

test('after one visit the app opens and works with no network', async ({ browser }) => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(site.url);
  await expectBuiltInData(page);
  await untilOffline(page);

  // The network is gone: the browser is offline and the server is down.
  await site.stop();
  await context.setOffline(true);
  await page.reload();
  await expectBuiltInData(page);
  // It works: a filter changes the figures and the charts.
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');

  // A new tab of the same site, with a view in its address, opens as well.
  const second = await context.newPage();
  await second.goto(`${site.url}?level=%E4%B8%AD%E7%BA%A7`);
  await expect(second.getByTestId('kpi-records')).not.toHaveText('38');
  await expect(second.getByTestId('chart-pass-rate')).toBeVisible();

  // The workbook reader, never loaded on that visit, was kept for this: a workbook opens.
  await page
    .getByTestId('file-input')
    .setInputFiles(path.resolve(__dirname, '../fixtures/college-workbook.xlsx'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('kpi-records')).toHaveText('5');

  // So were the files a standalone page is made of: one is exported with no network.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-html').click();
  const saved = await (await download).path();
  await expect(page.getByTestId('export-html-status')).toHaveAttribute('data-state', 'done');
  expect(fs.statSync(saved).size).toBeGreaterThan(1_000_000);

  expect(errors).toEqual([]);
  await context.close();
});

test('a new deployment is offered as "new version, reload", and the reload brings it in', async ({ browser }) => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(site.url);
  await untilOffline(page);
  await page.reload();
  await expectBuiltInData(page);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  const before = await page.evaluate(() => caches.keys());
  expect(before).toHaveLength(1);

  site.redeploy('next-version');
  // Browsers look for a new version on navigation and now and then; ask now.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('update-notice')).toContainText('新版本');
  await page.screenshot({ path: path.resolve(__dirname, '../../target/screenshots/update-notice.png') });

  await page.getByTestId('update-reload').click();
  await page.waitForFunction(async () => (await caches.keys()).includes('pilot-board-next-version'), null, { timeout: 15_000 });
  await expectBuiltInData(page);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  // The old version's files are gone from the cache.
  expect(await page.evaluate(() => caches.keys())).toEqual(['pilot-board-next-version']);

  expect(errors).toEqual([]);
  await context.close();
});

test('a dataset read once still opens offline after a new version is taken in', async ({ browser }) => {
  fs.mkdirSync(path.join(site.folder, 'data'));
  fs.copyFileSync(path.resolve(__dirname, '../../docs/examples/minimal.json'), path.join(site.folder, 'data', '2022.json'));
  const { context, page, errors } = await openPage(browser);
  const address = `${site.url}?data=data/2022.json`;
  await page.goto(address);
  await untilOffline(page);
  await untilSettled(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await untilSettled(page);
  // Back to the app without the file, so the new version does not fetch it again.
  await page.evaluate(() => localStorage.clear());
  await page.goto(site.url);
  await expectBuiltInData(page);

  site.redeploy('next-version');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await page.getByTestId('update-reload').click({ timeout: 15_000 });
  await page.waitForFunction(async () => (await caches.keys()).includes('pilot-board-next-version'), null, { timeout: 15_000 });
  await expectBuiltInData(page);

  await site.stop();
  await context.setOffline(true);
  await page.evaluate(() => localStorage.clear());
  await page.goto(address);
  await expect(page.getByTestId('dataset-title')).toHaveText('最小示例：一个试点');
  await expect(page.getByTestId('kpi-records')).toHaveText('1');
  expect(errors).toEqual([]);
  await context.close();
});

test('where the server has no folder index, the app opened as index.html also works offline', async ({ browser }) => {
  await site.stop();
  site.remove();
  site = new Site(nextPort++, false);
  await site.start();
  expect((await fetch(site.url)).status).toBe(403);

  const { context, page, errors } = await openPage(browser);
  await page.goto(`${site.url}index.html`);
  await expectBuiltInData(page);
  await untilOffline(page);
  await page.getByTestId('filter-level').locator('input[value="初级"]').check();
  await expect(page).toHaveURL(/index\.html\?.*level=/);

  await site.stop();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('kpi-records')).toHaveText('3');
  await expect(page.getByTestId('chart-pass-rate')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
