// The standalone app's package.json: the demo's runtime dependencies with @pronto/* pointing at published
// versions or at local tarballs, the tools the demo's build, tests, budgets and audits use, and scripts that do
// at the app's root what the monorepo's root scripts do for apps/demo.
import { auditDevDependencies, auditScripts } from './auditTools.mjs';
import { distTagPins } from './distTagPins.mjs';

/**
 * The tools the demo's build, tests and budgets use (versions are taken from the monorepo's root). Not sharp: the
 * server resizes catalog images with it at run time, so it comes with the demo's dependencies and survives
 * `npm ci --omit=dev`.
 */
export const APP_DEV_TOOLS = [
  '@playwright/test',
  '@size-limit/file',
  '@types/node',
  '@types/react',
  '@types/react-dom',
  '@vite-pwa/assets-generator',
  '@vitejs/plugin-react',
  'fake-indexeddb',
  'jsdom',
  'oxlint',
  'rollup-plugin-visualizer',
  'size-limit',
  'typescript',
  'vite',
  'vite-plugin-pwa',
  'vitest',
];

// The initializer names apps the same way.
export { packageNameFor } from '../../packages/create-pronto/src/scaffold.mjs';

/**
 * `name`: the app's package name; `demo`: apps/demo/package.json; `root`: the monorepo's root package.json;
 * `lock`: its package-lock.json (versions of the audits' imports); `prontoVersions`: @pronto/* name -> version;
 * `tarballs`: @pronto/* name -> tarball path, wins over versions.
 * @param {{ name: string, demo: Record<string, any>, root: Record<string, any>, lock: Record<string, any>, prontoVersions: Map<string, string>, tarballs?: Map<string, string> }} input
 * @returns {Record<string, any>}
 */
export function appManifest({ name, demo, root, lock, prontoVersions, tarballs }) {
  /** @type {Record<string, string>} */
  const dependencies = {};
  for (const [dependency, range] of Object.entries(demo.dependencies ?? {})) {
    if (!dependency.startsWith('@pronto/')) {
      dependencies[dependency] = range;
      continue;
    }
    const tarball = tarballs?.get(dependency);
    const version = prontoVersions.get(dependency);
    if (tarball) dependencies[dependency] = `file:${tarball}`;
    else if (version) dependencies[dependency] = `^${version}`;
    else throw new Error(`The demo depends on ${dependency}, which is not a package of this repository.`);
  }
  /** @type {Record<string, string>} */
  const devDependencies = {};
  for (const tool of APP_DEV_TOOLS) {
    const range = root.devDependencies?.[tool] ?? root.dependencies?.[tool];
    if (!range) throw new Error(`The root package.json has no version of ${tool}, which the app needs.`);
    devDependencies[tool] = range;
  }
  Object.assign(devDependencies, auditDevDependencies(root, lock));
  const demoTypecheck = demo.scripts?.typecheck;
  if (!demoTypecheck) throw new Error('apps/demo/package.json has no "typecheck" script.');
  return {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: root.engines ?? { node: '>=20.19' },
    scripts: {
      dev: 'vite',
      build: 'vite build && tsc -p server/tsconfig.build.json',
      start: 'npm run build && node dist-server/start.js',
      serve: 'node dist-server/start.js',
      typecheck: `${demoTypecheck} && tsc -p audits/tsconfig.json`,
      lint: 'oxlint --deny-warnings --report-unused-disable-directives src server e2e scripts audits',
      // The order of the root's `npm test`: the audits read the size report that test:size writes.
      test: 'npm run typecheck && npm run lint && npm run build && npm run test:unit && npm run test:size && npm run test:audit && npm run test:e2e',
      'test:unit': 'vitest run',
      'test:size': 'node scripts/size-budget.mjs',
      'test:e2e': 'playwright test',
      ...auditScripts(root),
    },
    dependencies: Object.fromEntries(Object.entries(dependencies).sort()),
    devDependencies: Object.fromEntries(Object.entries(devDependencies).sort()),
    // Without these, the app's own `npm ci` rejects the lockfile its `npm install` wrote (see distTagPins.mjs).
    overrides: distTagPins(lock),
  };
}
