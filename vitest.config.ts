import { defineConfig } from 'vitest/config';

// Each workspace keeps its own vitest.config.ts (environment, setup files); this runs them all.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'scripts/vitest.config.ts',
      { test: { name: 'test-utils', root: 'test-utils', environment: 'node', include: ['*.test.ts'] } },
      // The audit gate tests judge time: INP and long tasks under 4x CPU throttling, Lighthouse's TBT. Run
      // beside the heavy suites (the rum-collector's 16 clients and kill -9, sharp, DuckDB) they fail at random,
      // so they run alone, one file at a time, after every other project has finished (groupOrder 1).
      { extends: './audits/vitest.config.ts', test: { sequence: { groupOrder: 1 } } },
    ],
  },
});
