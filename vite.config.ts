import { fileURLToPath } from 'node:url';
import { responsiveImages } from '@pronto/lazy-image/vite';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentBuildId } from './apps/demo/build/contentBuildId';
import { preloadHeroImage } from './apps/demo/build/preloadHeroImage';
import { routePreloads } from './apps/demo/build/routePreloads';

// The demo PWA's production build. It is also the template: copy this file with apps/demo.
const demoRoot = fileURLToPath(new URL('./apps/demo', import.meta.url));
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const reportsDir = fileURLToPath(new URL('./reports/bundle', import.meta.url));

/** Output folder; the update-flow test builds a second version next to the first. */
const outDir = process.env.PRONTO_OUT_DIR ?? 'dist';

/** The bundle report: an interactive treemap for people and raw JSON for the size tooling, on every build. */
function bundleReports(): PluginOption[] {
  return [
    visualizer({ filename: `${reportsDir}/treemap.html`, template: 'treemap', gzipSize: true, brotliSize: true }),
    visualizer({ filename: `${reportsDir}/stats.json`, template: 'raw-data', gzipSize: true, brotliSize: true }),
  ];
}

export default defineConfig({
  root: demoRoot,
  publicDir,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    // Every browser that runs this app supports modulepreload; the polyfill would cost bytes on every load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Naming the entry "entry" keeps its chunk distinguishable from any library's index.js in the size budget.
      input: { entry: `${demoRoot}/index.html` },
      output: {
        codeSplitting: {
          groups: [
            // React changes rarely: its own long-lived chunk keeps its hash (and the user's cache) across app deploys.
            { name: 'react-vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            // Our own packages stay with the routes that use them (an app made from this template installs them
            // into node_modules too): only third-party code shares the vendor chunk.
            { name: 'vendor', test: /[\\/]node_modules[\\/](?!@pronto[\\/])/, priority: 10 },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    // __BUILD_ID__ (shown in the footer, sent as the RUM app version): PRONTO_BUILD_ID, else a hash of the output,
    // so the same code always builds to the same bytes.
    contentBuildId(),
    // `import hero from './hero.jpg?responsive'`: AVIF/WebP/JPEG at these widths plus a ThumbHash placeholder.
    responsiveImages({ widths: [640, 960, 1280, 1920] }),
    preloadHeroImage(),
    // The lazy route a URL renders (patterns as in src/router.tsx): the build writes a copy of index.html per route
    // with <link rel=modulepreload> for that route's chunks, and the server answers navigations with it.
    routePreloads({ '/': 'src/routes/CatalogPage.tsx', '/items/:id': 'src/routes/ItemPage.tsx' }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registration lives in the bundle (useRegisterSW), so no inline script breaks the CSP.
      injectRegister: false,
      pwaAssets: { image: '../../public/logo.svg', preset: 'minimal-2023', overrideManifestIcons: true },
      injectManifest: {
        rollupFormat: 'iife',
        // The web manifest is added by the plugin itself; globbing it too would precache it twice.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        // Per-route copies of index.html for the server's first answer; offline, index.html serves every route.
        globIgnores: ['shells/**'],
      },
      manifest: {
        name: 'Pronto Catalog',
        short_name: 'Pronto',
        description: 'A fast, offline-first product catalog built with the Pronto toolkit.',
        theme_color: '#0f172a',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
      },
    }),
    // One report per real build; the e2e suite's second build (dist-next) must not overwrite it.
    outDir === 'dist' && bundleReports(),
  ],
});
