import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'lazy-image',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // The Vite plugin runs in Node (sharp, fs); its tests opt into that environment per file.
  },
});
