import { defineProject } from 'vitest/config';

// The gate tests start Chromium and Lighthouse against a small local fixture site: slower than unit tests,
// so they get generous timeouts and run one file at a time (the machine has 2 cores).
export default defineProject({
  test: {
    name: 'audits',
    environment: 'node',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
