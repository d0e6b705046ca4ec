import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/browser.js';

// Performance audits, apart from the functional e2e suite: one worker, because two throttled pages on a
// 2-core machine would measure each other. `--repeat-each N` gives the spread used for baseline margins.
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: '../test-results/audits',
  globalSetup: './e2e/support/globalSetup.ts',
  globalTeardown: './e2e/support/globalTeardown.ts',
  use: {
    browserName: 'chromium',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    // Lighthouse's mobile screen (Moto G Power); the device scale stays 1 so wheel and keyboard input behave as on desktop.
    viewport: { width: 412, height: 823 },
    launchOptions: chromiumLaunchOptions(),
  },
});
