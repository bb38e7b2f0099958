// Browser benchmarks: the release build with large generated datasets (see scripts/bench.sh).
// They print medians; they are not tests with time limits.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

const gzipPort = Number(process.env.GZIP_PORT ?? 8766);

export default defineConfig({
  ...base,
  testMatch: '*.bench.ts',
  timeout: 600_000,
  // network.bench.ts needs compressed responses, as a static host sends them.
  webServer: [
    base.webServer as NonNullable<typeof base.webServer> & object,
    {
      command: `python3 ../../scripts/gzip-server.py ${gzipPort} ../../dist`,
      url: `http://127.0.0.1:${gzipPort}/`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
    },
  ] as never,
});
