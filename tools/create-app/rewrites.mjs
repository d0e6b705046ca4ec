// How the demo's files move from the monorepo layout (app in apps/demo, Vite config and public/ at the root,
// tsconfig base at the root) to a flat standalone app. Every rewrite must match, so a change to the demo that
// breaks the template is an error at creation time, not a broken app later.

/**
 * What to copy: [from (monorepo-relative), to (app-relative)]. Folders are copied whole, minus build output and
 * the demo's own package.json (the app gets a new one). The whole of apps/demo is copied, so a file or folder the
 * demo adds (say apps/demo/build/) comes along without a change here.
 * @type {[string, string][]}
 */
export const COPIES = [
  ['apps/demo', '.'],
  ['tsconfig.json', 'tsconfig.base.json'],
  ['vite.config.ts', 'vite.config.ts'],
  ['public', 'public'],
  ['scripts/size-budget.mjs', 'scripts/size-budget.mjs'],
  ['scripts/initial-load.mjs', 'scripts/initial-load.mjs'],
  ['e2e', 'e2e'],
  // The Chromium setup that e2e/support/browser.ts and audits/src/lib/chromium.ts load (the monorepo's other
  // test helpers stay behind).
  ['test-utils/chromium.js', 'test-utils/chromium.js'],
  ['test-utils/chromium.d.ts', 'test-utils/chromium.d.ts'],
  ['.oxlintrc.json', '.oxlintrc.json'],
  // The performance audits (Lighthouse, Playwright vitals, baseline, report), minus what AUDIT_SKIP leaves out.
  ['audits', 'audits'],
];

/**
 * Text replacements per app-relative file: [file, search, replacement, optional]. `search` is a string (all
 * occurrences) or a RegExp with the g flag. A replacement that is not `optional` must match.
 * @type {[string, string | RegExp, string, boolean?][]}
 */
export const REWRITES = [
  // The Vite config lived at the root and pointed into apps/demo; now it sits next to index.html.
  ['vite.config.ts', "new URL('./apps/demo', import.meta.url)", "new URL('.', import.meta.url)"],
  // Imports of the demo's build helpers (e.g. './apps/demo/build/x'), whichever the config has.
  ['vite.config.ts', /(['"])\.\/apps\/demo\//g, '$1./', true],
  ['vite.config.ts', "'../../public/logo.svg'", "'public/logo.svg'"],
  ['vite.config.ts', /^\/\/ The demo PWA's production build\..*$/gm, "// The app's production build."],
  ['tsconfig.json', '"../../tsconfig.json"', '"./tsconfig.base.json"'],
  ['src/sw.tsconfig.json', '"../../../tsconfig.json"', '"../tsconfig.base.json"'],
  ['server/tsconfig.json', '"../../../tsconfig.json"', '"../tsconfig.base.json"'],
  ['server/start.ts', "'../../../.data/demo'", "'../.data'"],
  ['server/start.ts', 'apps/demo/dist-server/start.js', 'dist-server/start.js'],
  ['server/start.test.ts', "new URL('../../../', import.meta.url)", "new URL('../', import.meta.url)"],
  ['server/README.md', /apps\/demo\//g, ''],
  ['server/README.md', '`<repo>/.data/demo`', '`.data`'],
  ['server/README.md', ', or `npm start` at the root', ', or `npm start`'],
  ['e2e/support/demoServer.ts', "'../../apps/demo/server/createDemoStack'", "'../../server/createDemoStack'"],
  ['e2e/support/demoServer.ts', /'\.\.\/\.\.\/apps\/demo\/(dist(?:-next)?)'/g, "'../../$1'"],
  ['e2e/support/demo.setup.ts', /apps\/demo\//g, ''],
  ['scripts/size-budget.mjs', "join(cwd, 'apps/demo/dist')", "join(cwd, 'dist')"],
  ['scripts/size-budget.mjs', String.raw`.replace(/^apps\/demo\/dist\//, '')`, String.raw`.replace(/^dist\//, '')`],
  // The audits find the build through audit.config.ts: dist/ and dist-server/ at the app's root.
  ['audits/audit.config.ts', "'apps/demo/", "'"],
  // A new app has no baseline (its figures must be measured on its own machine): the step says so and passes.
  ['audits/audit.config.ts', 'export const requireBaseline = true;', 'export const requireBaseline = false;'],
  [
    'audits/audit.config.ts',
    '(figures in audits/README.md)',
    '(figures measured on the Pronto demo this app was made from)',
  ],
  ['audits/tsconfig.json', '"../tsconfig.json"', '"../tsconfig.base.json"'],
  // The audit tool's Vitest project stays in the monorepo (AUDIT_SKIP).
  ['audits/tsconfig.json', '"vitest.config.ts", ', ''],
];

/** Files and folders of the demo that are build output or local state, never part of a template. */
export const SKIP = /(^|\/)(node_modules|dist|dist-next|dist-server|test-results|\.data|reports)(\/|$)|^package\.json$/;

/**
 * What of audits/ the app does not get: the monorepo's baseline (measured on another machine, and the app will
 * change), the README of the monorepo's measurements, and the tests of the audit tool itself (gate tests, their
 * fixture site and Vitest project), which check the tool rather than the app.
 */
export const AUDIT_SKIP =
  /^audits\/(baseline\.json|README\.md|fixtures|vitest\.config\.ts|src\/testing)(\/|$)|^audits\/.*\.test\.ts$/;

/**
 * Whether a monorepo-relative path (forward slashes) stays out of the app.
 * @param {string} path
 */
export function isSkipped(path) {
  return SKIP.test(path.replace(/^apps\/demo\//, '')) || AUDIT_SKIP.test(path);
}

/**
 * Applies one rewrite to `text`.
 * @param {string} text
 * @param {string | RegExp} search
 * @param {string} replacement
 * @returns {string | undefined} the new text, or undefined when `search` does not occur
 */
export function applyRewrite(text, search, replacement) {
  if (typeof search === 'string') return text.includes(search) ? text.split(search).join(replacement) : undefined;
  search.lastIndex = 0;
  return search.test(text) ? text.replace(search, replacement) : undefined;
}

const isDemoPath = (/** @type {string} */ path) => path.startsWith('apps/demo/dist/');

/**
 * The demo's .size-limit.json entries for the app (the package budgets stay in the monorepo), with paths moved
 * from apps/demo/dist to dist. Only the file plugin is installed in the app, so plugin switches go.
 * @param {{ name: string, path: string | string[], disablePlugins?: string[], [key: string]: unknown }[]} monorepoEntries
 */
export function appSizeLimit(monorepoEntries) {
  const entries = monorepoEntries.filter((entry) => [entry.path].flat().every(isDemoPath));
  if (entries.length === 0) throw new Error('.size-limit.json has no entry for apps/demo/dist: nothing to budget.');
  return entries.map(({ disablePlugins: _drop, ...entry }) => ({
    ...entry,
    name: entry.name.replace(/^demo:\s*/, 'app: '),
    path: Array.isArray(entry.path)
      ? entry.path.map((p) => p.replace(/^apps\/demo\//, ''))
      : entry.path.replace(/^apps\/demo\//, ''),
  }));
}
