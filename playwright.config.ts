import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Project } from '@playwright/test';
import { chromiumLaunchOptions } from './test-utils/chromium.js';

// Tests that judge time (frames painted under 4x CPU throttling) carry this tag. They run in the `timing`
// project: one worker, after every other project has finished, so no other test shares the CPU with them.
const TIMING = /@timing/;

// One project for the demo PWA (e2e/) and one for each package that has browser tests of its own
// (packages/<name>/e2e/). Every spec starts the servers it needs on 127.0.0.1 and stops them.
// Read beside this file, so a package's own `npm run test:e2e` (run from its folder) finds them too.
const packagesDir = new URL('./packages/', import.meta.url);
const packageProjects: Project[] = readdirSync(packagesDir)
  .filter((name) => existsSync(new URL(`${name}/e2e`, packagesDir)))
  .map((name) => ({ name, testDir: `packages/${name}/e2e`, outputDir: `test-results/${name}`, grepInvert: TIMING }));

const parallelProjects: Project[] = [
  { name: 'demo-setup', testDir: 'e2e/support', testMatch: 'demo.setup.ts', outputDir: 'test-results/demo-setup' },
  {
    name: 'demo',
    testDir: 'e2e',
    testIgnore: 'support/**',
    dependencies: ['demo-setup'],
    outputDir: 'test-results/demo',
    grepInvert: TIMING,
  },
  ...packageProjects,
];

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
    ...parallelProjects,
    {
      name: 'timing',
      testDir: '.',
      testMatch: ['e2e/**/*.spec.ts', 'packages/*/e2e/**/*.spec.ts'],
      grep: TIMING,
      workers: 1,
      outputDir: 'test-results/timing',
      // Waiting for the other projects is what keeps the CPU to itself. A failure among them skips it (Playwright
      // runs no project after a failed dependency); run it alone with `--project=timing --no-deps`.
      dependencies: parallelProjects.map((project) => project.name!),
    },
  ],
});
