import { defineProject } from 'vitest/config';

// Server tests run in Node; client tests opt into jsdom per file (`// @vitest-environment jsdom`).
export default defineProject({
  test: {
    name: 'demo',
    environment: 'node',
    include: ['server/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
  },
});
