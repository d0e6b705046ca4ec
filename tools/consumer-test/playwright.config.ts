import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../test-utils/chromium.js';

// The tests that use the packages from outside the monorepo (`npm run test:consumer`): each packs the packages
// and installs a fresh app from the tarballs first, which takes a minute, so they are not projects of the
// root config. One worker: two installs and builds at once would only slow both on a small machine.
export default defineConfig({
  testDir: '..',
  forbidOnly: true,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/consumer-test',
  reporter: 'list',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'consumer', testMatch: 'consumer-test/consumer.spec.ts' },
    { name: 'template', testMatch: 'create-app/template.spec.ts' },
    {
      name: 'production-install',
      testMatch: 'production-install/productionInstall.spec.ts',
      use: { serviceWorkers: 'allow' },
    },
  ],
});
