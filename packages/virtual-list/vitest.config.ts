import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'virtual-list', environment: 'jsdom', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
