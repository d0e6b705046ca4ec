import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'rum-collector',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The kill -9 test runs the compiled collector in a child process.
    globalSetup: ['./src/test-utils/buildOnce.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
