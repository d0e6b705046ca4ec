import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';

// Benchmarks, not tests: run on demand with `npx playwright test -c packages/rum/bench`.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 300_000,
  reporter: 'list',
  outputDir: '../../../test-results/rum-bench',
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
});
