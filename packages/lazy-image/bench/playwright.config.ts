import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';

// The benchmark is not part of the test suite: one worker, so runs do not compete for the CPU or the network.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 15 * 60_000,
  reporter: 'list',
  outputDir: '../.e2e-site/bench-results',
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
});
