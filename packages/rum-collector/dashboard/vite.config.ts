import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard ships inside the package (dist/dashboard) and is served under any base path, so asset URLs are
// relative. No inline script or style ends up in index.html: it must run under a strict CSP.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
