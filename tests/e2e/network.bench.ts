// Start-up under emulated networks: navigation to the first chart drawn, for the app and for
// the ECharts reference page of the same chart (tests/e2e/reference/echarts.html), both served
// gzip-compressed by one server (scripts/gzip-server.py: Python's http.server does not
// compress), each run in a fresh browser context (nothing cached) with the network shaped by
// the Chrome DevTools Protocol. The two pages alternate within each network so that their ratio
// means something. Prints medians and ratios; it is not a test with time limits.
import { test, expect, type Browser, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median, watchFirstChart } from './bench-helpers';

const runs = Number(process.env.NETWORK_RUNS ?? 7);
const origin = `http://127.0.0.1:${process.env.GZIP_PORT ?? 8766}/`;

/** The networks of the first-load issue: latency in ms, throughput in bits per second. */
const networks = [
  { name: 'loopback', latency: 0, bits: 0 },
  { name: '10 Mbit/s, 40 ms', latency: 40, bits: 10_000_000 },
  { name: '1.6 Mbit/s, 150 ms (slow 4G)', latency: 150, bits: 1_600_000 },
];
type Network = (typeof networks)[number];


async function shaped(browser: Browser, network: Network): Promise<{ page: Page; close: () => Promise<void>; bytes: () => number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network.bits > 0) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.bits / 8,
      uploadThroughput: network.bits / 8,
    });
  }
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  return { page, close: () => context.close(), bytes: () => bytes };
}

/** ms from navigation start until the app's pass-rate canvas was first drawn. */
async function app(browser: Browser, network: Network): Promise<[number, number]> {
  const { page, close, bytes } = await shaped(browser, network);
  await watchFirstChart(page);
  await page.goto(origin);
  const ms = (await (await page.waitForFunction(() => (window as unknown as { firstChart?: number }).firstChart, null, { timeout: 60_000 })).jsonValue()) as number;
  await expect(page.getByTestId('kpi-records')).toHaveText('38');
  const wire = bytes();
  await close();
  return [ms, wire];
}

/** ms from navigation start until ECharts reported the same chart finished. */
async function reference(browser: Browser, network: Network): Promise<[number, number]> {
  const { page, close, bytes } = await shaped(browser, network);
  await page.goto(`${origin}bench/reference/echarts.html`);
  const ms = (await (await page.waitForFunction(() => (window as unknown as { firstChart?: number }).firstChart, null, { timeout: 60_000 })).jsonValue()) as number;
  const wire = bytes();
  await close();
  return [ms, wire];
}

test('start-up under emulated networks: the app and an ECharts page of the same chart', async ({ browser }) => {
  test.setTimeout(900_000);
  const lines = [
    `start-up under emulated networks, navigation to first chart, median of ${runs} cold runs each (ms), both served gzip -9:`,
    '  network                          app      reference   ratio   (KB on the wire: app / reference)',
  ];
  // Warm-up, not counted: the machine's disk cache and Chromium's start.
  await app(browser, networks[0]);
  await reference(browser, networks[0]);
  for (const network of networks) {
    const a: number[] = [];
    const r: number[] = [];
    let wire: [number, number] = [0, 0];
    for (let run = 0; run < runs; run++) {
      const [ms, bytes] = await app(browser, network);
      const [refMs, refBytes] = await reference(browser, network);
      a.push(ms);
      r.push(refMs);
      wire = [bytes, refBytes];
    }
    lines.push(
      `  ${network.name.padEnd(30)} ${median(a).toFixed(0).padStart(7)} ${median(r).toFixed(0).padStart(11)} ${(median(a) / median(r)).toFixed(2).padStart(7)}   (${(wire[0] / 1000).toFixed(0)} / ${(wire[1] / 1000).toFixed(0)})`,
    );
    console.log(lines[lines.length - 1], `app [${a.map((x) => x.toFixed(0)).join(' ')}] reference [${r.map((x) => x.toFixed(0)).join(' ')}]`);
  }
  console.log(lines.join('\n'));
  fs.mkdirSync(path.resolve(__dirname, '../../target'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, '../../target/bench-network.txt'), `${lines.join('\n')}\n`);
});
