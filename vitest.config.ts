import { defineConfig } from 'vitest/config';

// Each workspace keeps its own vitest.config.ts (environment, setup files); this runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts', 'audits/vitest.config.ts'],
  },
});
