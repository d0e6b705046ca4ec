import { defineProject } from 'vitest/config';

// Pure modules run in node; files that need a DOM opt in with `// @vitest-environment jsdom`.
export default defineProject({
  test: { name: 'rum', environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
