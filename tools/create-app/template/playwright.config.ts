import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';

// Browser tests run against the production build (`npm run build` first): service workers and chunking exist
// only there. Each spec starts its own server on 127.0.0.1 and stops it.
export default defineConfig({
  forbidOnly: true,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'reports/playwright' }]] : 'list',
  use: {
    browserName: 'chromium',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'setup', testDir: 'e2e/support', testMatch: 'demo.setup.ts' },
    { name: 'app', testDir: 'e2e', testIgnore: 'support/**', dependencies: ['setup'] },
  ],
});
