import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import semver from 'semver';
import { repoRoot } from '../lib/workspacePackages.mjs';
import { appManifest, packageNameFor } from './appManifest.mjs';
import { AUDIT_SCRIPTS, auditDevDependencies } from './auditTools.mjs';
import { createApp } from './createApp.mjs';
import { distTagPins } from './distTagPins.mjs';
import { applyRewrite, appSizeLimit } from './rewrites.mjs';
import { tarballsIn } from './tarballsIn.mjs';

const temp = mkdtempSync(join(tmpdir(), 'pronto-create-app-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Every file under `dir`, relative.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

describe('applyRewrite', () => {
  it('replaces every occurrence, or says the text is gone', () => {
    assert.equal(applyRewrite('a/b a/b', 'a/b', 'c'), 'c c');
    assert.equal(applyRewrite('x', 'a/b', 'c'), undefined);
    assert.equal(
      applyRewrite("'../../apps/demo/dist-next'", /'\.\.\/\.\.\/apps\/demo\/(dist(?:-next)?)'/g, "'../../$1'"),
      "'../../dist-next'",
    );
  });
});

describe('appSizeLimit', () => {
  it('keeps the demo budgets with paths moved to dist/, and drops the package budgets', () => {
    const entries = appSizeLimit([
      {
        name: 'demo: initial load',
        path: ['apps/demo/dist/assets/entry-*.js'],
        limit: '80 kB',
        disablePlugins: ['@size-limit/esbuild'],
      },
      {
        name: '@pronto/rum: { createRum }',
        path: 'packages/rum/dist/index.js',
        import: '{ createRum }',
        limit: '4.5 kB',
      },
    ]);
    assert.deepEqual(entries, [{ name: 'app: initial load', path: ['dist/assets/entry-*.js'], limit: '80 kB' }]);
  });
  it('refuses a config without demo budgets', () => {
    assert.throws(
      () => appSizeLimit([{ name: 'x', path: 'packages/x/dist/index.js', limit: '1 kB' }]),
      /no entry for apps\/demo\/dist/,
    );
  });
});

describe('appManifest', () => {
  const demo = {
    dependencies: { react: '^19.3.1', '@pronto/rum': '*' },
    scripts: { typecheck: 'tsc -p tsconfig.json' },
  };
  const tools = [
    '@playwright/test',
    '@size-limit/file',
    '@types/node',
    '@types/react',
    '@types/react-dom',
    '@vite-pwa/assets-generator',
    '@vitejs/plugin-react',
    'fake-indexeddb',
    'jsdom',
    'lighthouse',
    'oxlint',
    'rollup-plugin-visualizer',
    'sharp',
    'size-limit',
    'typescript',
    'vite',
    'vite-plugin-pwa',
    'vitest',
  ];
  const root = {
    engines: { node: '>=20.19' },
    devDependencies: Object.fromEntries(tools.map((name) => [name, '^1.0.0'])),
    scripts: Object.fromEntries(AUDIT_SCRIPTS.map((name) => [name, `run ${name}`])),
  };
  const lock = {
    packages: {
      'node_modules/chrome-launcher': { version: '1.2.1' },
      'node_modules/puppeteer-core': { version: '24.43.1' },
      'node_modules/web-vitals': { version: '6.2.3' },
    },
  };
  const prontoVersions = new Map([['@pronto/rum', '0.1.0']]);
  it('keeps what the server imports at run time (sharp) in dependencies, not devDependencies', () => {
    const manifest = appManifest({
      name: 'x',
      demo: { ...demo, dependencies: { ...demo.dependencies, sharp: '^0.35.6' } },
      root,
      lock,
      prontoVersions,
    });
    assert.equal(manifest.dependencies.sharp, '^0.35.6');
    assert.equal(manifest.devDependencies.sharp, undefined);
  });
  it('points @pronto/* at registry versions by default', () => {
    assert.equal(appManifest({ name: 'x', demo, root, lock, prontoVersions }).dependencies['@pronto/rum'], '^0.1.0');
  });
  it('points @pronto/* at tarballs when given', () => {
    const tarballs = new Map([['@pronto/rum', '/t/pronto-rum-0.1.0.tgz']]);
    assert.equal(
      appManifest({ name: 'x', demo, root, lock, prontoVersions, tarballs }).dependencies['@pronto/rum'],
      'file:/t/pronto-rum-0.1.0.tgz',
    );
  });
  it('names a tool the root does not pin', () => {
    assert.throws(
      () => appManifest({ name: 'x', demo, root: { devDependencies: {} }, lock, prontoVersions }),
      /no version of @playwright\/test/,
    );
  });
  it("gives the app the root's audit scripts and the packages the audits import", () => {
    const manifest = appManifest({ name: 'x', demo, root, lock, prontoVersions });
    for (const name of AUDIT_SCRIPTS) assert.equal(manifest.scripts[name], `run ${name}`);
    assert.match(manifest.scripts.test, /test:size && npm run test:audit && npm run test:e2e$/);
    assert.match(manifest.scripts.typecheck, /&& tsc -p audits\/tsconfig\.json$/);
    assert.equal(manifest.devDependencies.lighthouse, '^1.0.0');
    assert.equal(manifest.devDependencies['chrome-launcher'], '^1.2.1');
    assert.equal(manifest.devDependencies['web-vitals'], '^6.2.3');
  });
  it('names an audit import the lock file does not have', () => {
    assert.throws(
      () => auditDevDependencies(root, { packages: {} }),
      /package-lock\.json has no node_modules\/chrome-launcher/,
    );
  });
  it('makes npm package names from folder names', () => {
    assert.equal(packageNameFor('My Shop!'), 'my-shop');
    assert.equal(packageNameFor('...'), 'pronto-app');
  });
});

describe('tarballsIn', () => {
  it('matches each package to its own tarball, not to a longer name', () => {
    const folder = join(temp, 'tarballs');
    mkdirSync(folder);
    for (const file of ['pronto-rum-0.1.0.tgz', 'pronto-rum-collector-0.1.0.tgz', 'notes.txt'])
      writeFileSync(join(folder, file), '');
    const found = tarballsIn(folder, ['@pronto/rum', '@pronto/rum-collector', '@pronto/virtual-list']);
    assert.deepEqual(
      [...found],
      [
        ['@pronto/rum', join(folder, 'pronto-rum-0.1.0.tgz')],
        ['@pronto/rum-collector', join(folder, 'pronto-rum-collector-0.1.0.tgz')],
      ],
    );
  });
});

describe('createApp', () => {
  it('copies the demo into a flat app with no path left pointing into the monorepo', () => {
    const { dir, manifest } = createApp(join(temp, 'shop'));
    const files = walk(dir);
    for (const file of [
      'index.html',
      'src/main.tsx',
      'src/sw.ts',
      'server/start.ts',
      'vite.config.ts',
      'tsconfig.json',
      'tsconfig.base.json',
      'public/logo.svg',
      'scripts/size-budget.mjs',
      'e2e/support/demoServer.ts',
      'playwright.config.ts',
      '.size-limit.json',
      '.gitignore',
      'README.md',
      'package.json',
      'audits/audit.config.ts',
      'audits/src/bin/run.ts',
      'audits/scenarios.ts',
      'test-utils/chromium.js',
    ]) {
      assert.ok(files.includes(file), `${file} is missing`);
    }
    assert.ok(!files.some((file) => /(^|\/)(dist|dist-server|node_modules)\//.test(file)), 'build output was copied');
    // The app measures its own baseline; the audit tool's own tests stay in the monorepo.
    assert.ok(
      !files.some(
        (file) =>
          file === 'audits/baseline.json' ||
          file.startsWith('audits/fixtures/') ||
          (file.startsWith('audits/') && file.endsWith('.test.ts')),
      ),
      'audit baseline or tests were copied',
    );
    const auditConfig = readFileSync(join(dir, 'audits/audit.config.ts'), 'utf8');
    assert.match(auditConfig, /distDir: 'dist',\s+serverModule: 'dist-server\/createDemoServer\.js'/);
    assert.match(auditConfig, /export const requireBaseline = false;/);
    for (const file of files.filter((path) => /\.(ts|tsx|mjs|json)$/.test(path))) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.ok(!text.includes('apps/demo') && !/apps\\\/demo/.test(text), `${file} still refers to apps/demo`);
      assert.ok(!text.includes('../../../'), `${file} still climbs to the monorepo root`);
    }
    assert.equal(manifest.name, 'shop');
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /^# shop\n/);
    assert.match(manifest.dependencies['@pronto/virtual-list'], /^\^\d/);
    // The server resizes images with sharp at run time: a production install (`npm ci --omit=dev`) needs it.
    assert.match(manifest.dependencies.sharp, /^\^\d/);
    assert.equal(manifest.devDependencies.sharp, undefined);
  });

  it('refuses a folder that is not empty, or one inside the repository', () => {
    assert.throws(() => createApp(join(temp, 'shop')), /not empty/);
    assert.throws(() => createApp(join(repoRoot, 'tmp-app')), /inside the Pronto repository/);
  });
});

describe('distTagPins', () => {
  const lock = {
    packages: {
      '': { devDependencies: { lighthouse: '^12.0.0' } },
      'node_modules/lighthouse': {
        version: '12.8.0',
        dependencies: { 'third-party-web': '^0.27.0', '@paulirish/trace_engine': '0.0.59' },
      },
      'node_modules/third-party-web': { version: '0.27.0' },
      'node_modules/@paulirish/trace_engine': {
        version: '0.0.59',
        dependencies: { 'third-party-web': 'latest', 'legacy-javascript': 'latest' },
      },
      'node_modules/@paulirish/trace_engine/node_modules/third-party-web': { version: '0.30.0' },
      'node_modules/legacy-javascript': { version: '0.0.1' },
    },
  };

  it('pins each dependency declared by dist-tag to the copy the lockfile resolves it to, nested or hoisted', () => {
    assert.deepEqual(distTagPins(lock), {
      '@paulirish/trace_engine': { 'legacy-javascript': '0.0.1', 'third-party-web': '0.30.0' },
    });
  });

  it('leaves ranges, aliases and file specs alone', () => {
    assert.deepEqual(
      distTagPins({
        packages: {
          'node_modules/a': { version: '1.0.0', dependencies: { b: '^1 || ^2', c: 'npm:d@1', e: 'file:../e' } },
        },
      }),
      {},
    );
  });

  it('says which package is missing when the lockfile has no copy of a tagged dependency', () => {
    assert.throws(
      () => distTagPins({ packages: { 'node_modules/a': { version: '1.0.0', dependencies: { b: 'next' } } } }),
      /no copy of b for node_modules\/a/,
    );
  });

  it('the monorepo lockfile yields the pins a created app carries', () => {
    const rootLock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
    const pins = distTagPins(rootLock);
    for (const [parent, deps] of Object.entries(pins)) {
      for (const version of Object.values(deps))
        assert.ok(semver.valid(version), `${parent}: ${version} is not an exact version`);
    }
  });
});
