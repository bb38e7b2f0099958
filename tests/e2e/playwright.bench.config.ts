// Browser benchmarks: the release build with large generated datasets (see scripts/bench.sh).
// They print medians; they are not tests with time limits.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  ...base,
  testMatch: '*.bench.ts',
  timeout: 600_000,
});
