import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { waitForCachedResponse, waitForServiceWorkerControl } from '../../e2e/support/serviceWorker';
import { packPackages } from '../lib/packPackages.mjs';
import { repoRoot } from '../lib/workspacePackages.mjs';

const run = promisify(execFile);
let temp: string;
let server: ChildProcess | undefined;

test.beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'pronto-production-install-'));
});
test.afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  server = undefined;
});
test.afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Runs npm in `dir`; a failure shows its whole output. */
async function npm(dir: string, args: string[]) {
  try {
    return await run('npm', args, { cwd: dir, maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`npm ${args.join(' ')}\` failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** Starts `node dist-server/start.js` in `dir` and resolves with the URL it announces. */
function startServer(dir: string): Promise<string> {
  const child = spawn(process.execPath, ['dist-server/start.js'], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Pronto demo running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it served:\n${output}`)));
  });
}

/** The deployed server answers an image request through sharp, and the page it serves still loads offline. */
async function expectServesOffline(app: string, page: Page, context: BrowserContext) {
  const url = await startServer(app);
  const image = await fetch(new URL('api/images/1?format=webp', url));
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/webp');
  expect(
    Buffer.from(await image.arrayBuffer())
      .subarray(8, 12)
      .toString('latin1'),
  ).toBe('WEBP');

  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await waitForServiceWorkerControl(page);
  // The worker may have claimed the page after its catalog request went out (clientsClaim), so that answer was never
  // cached: load the page once more under its control, and go offline only once the answer is in the cache.
  await page.reload();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await waitForCachedResponse(page, '/api/items');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await expect(page.getByRole('listitem').first()).toBeVisible();
}

// What a deployment does: the built app and server, its package.json, `npm ci --omit=dev`, `node dist-server/start.js`.
// Whatever the server imports at run time (sharp for the catalog images) must be in `dependencies` for this to start.
test('a production install of the demo (npm ci --omit=dev) installs, serves images through sharp, and works offline', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const demoDir = join(repoRoot, 'apps/demo');
  for (const built of ['dist/index.html', 'dist-server/start.js']) {
    if (!existsSync(join(demoDir, built)))
      throw new Error(`apps/demo/${built} is missing; run \`npm run build\` first.`);
  }
  const tarballs = await packPackages(join(temp, 'tarballs'));

  const app = join(temp, 'deploy');
  mkdirSync(app);
  cpSync(join(demoDir, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(demoDir, 'dist-server'), join(app, 'dist-server'), { recursive: true });
  const demo = JSON.parse(readFileSync(join(demoDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    Object.entries(demo.dependencies).map(([name, range]) => [
      name,
      tarballs.has(name) ? `file:${tarballs.get(name)}` : range,
    ]),
  );
  // Stands in for the build tools a deployment leaves out (not vite: @pronto/lazy-image's optional peer keeps it).
  const devDependencies = { typescript: '*' };
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'deploy', private: true, type: 'module', dependencies, devDependencies }, null, 2)}\n`,
  );

  // The lockfile first (as a repository has it), then the install a deployment runs. The packages come from
  // the npm cache when it has them (--prefer-offline), so the test needs no network on a machine that ran `npm ci`.
  await npm(app, ['install', '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund']);
  await npm(app, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
  expect(existsSync(join(app, 'node_modules/sharp/package.json')), 'sharp was not installed').toBe(true);
  expect(existsSync(join(app, 'node_modules/typescript')), 'a devDependency was installed').toBe(false);

  await expectServesOffline(app, page, context);
});

// The same deployment of an app made by `npm create pronto`: the packed initializer, the @pronto packages from
// tarballs, a full install and build (as CI does), then only what `npm ci --omit=dev` installs next to the build.
// The created app's lockfile must pass `npm ci`: lighthouse pulls in a dependency declared as "latest", which
// the app pins through `overrides` (tools/create-app/distTagPins.mjs).
test('a production install of an app made by create-pronto installs, serves, and works offline', async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  const tarballDir = join(temp, 'created-tarballs');
  const tarballs = await packPackages(tarballDir);
  await npm(temp, [
    'exec',
    '--yes',
    '--prefer-offline',
    '--package',
    tarballs.get('create-pronto')!,
    '--',
    'create-pronto',
    'shop',
    '--tarballs',
    tarballDir,
  ]);
  const app = join(temp, 'shop');
  await npm(app, ['install', '--prefer-offline', '--no-audit', '--no-fund']);
  await npm(app, ['run', 'build']);
  rmSync(join(app, 'node_modules'), { recursive: true, force: true });
  await npm(app, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
  expect(existsSync(join(app, 'node_modules/sharp/package.json')), 'sharp was not installed').toBe(true);
  expect(existsSync(join(app, 'node_modules/vitest')), 'a devDependency was installed').toBe(false);
  await expectServesOffline(app, page, context);
});
