import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { packPackages } from '../lib/packPackages.mjs';
import { repoRoot } from '../lib/workspacePackages.mjs';

const run = promisify(execFile);
let temp: string;

/** Runs a command in the app; a failure shows its whole output. */
async function inApp(dir: string, command: string, args: string[]) {
  try {
    return await run(command, args, { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, CI: '' } });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

test.beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'pronto-template-'));
});
test.afterAll(() => {
  if (!process.env.PRONTO_KEEP_TEMPLATE) rmSync(temp, { recursive: true, force: true });
});

test('create-app makes a standalone app that installs offline from the tarballs, builds and passes its budget', async () => {
  // Set PRONTO_TEMPLATE_FULL=1 to also run the created app's whole `npm test` (unit and browser suites too).
  const full = Boolean(process.env.PRONTO_TEMPLATE_FULL);
  test.setTimeout(full ? 480_000 : 240_000);
  const tarballDir = join(temp, 'tarballs');
  await packPackages(tarballDir);

  // Exactly what a user runs: the CLI, pointed at the tarballs.
  const { stdout: created } = await run(process.execPath, [join(repoRoot, 'tools/create-app/index.mjs'), join(temp, 'my-shop'), '--tarballs', tarballDir]);
  expect(created).toContain('Created my-shop');
  const app = join(temp, 'my-shop');
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(manifest.dependencies['@pronto/virtual-list']).toMatch(new RegExp(`^file:${tarballDir}/pronto-virtual-list-[\\d.]+\\.tgz$`));

  // --offline: every dependency comes from the local tarballs or the npm cache, none from the network.
  await inApp(app, 'npm', ['install', '--offline', '--no-audit', '--no-fund']);
  const { stdout: tree } = await inApp(app, 'npm', ['ls', '--json', '--depth=0', '@pronto/rum']);
  expect((JSON.parse(tree) as { dependencies: Record<string, { resolved: string }> }).dependencies['@pronto/rum']?.resolved).toMatch(/^file:.*pronto-rum-[\d.]+\.tgz$/);

  if (full) {
    // Colour codes (Playwright's workers force colour, and children inherit it) would split the counts.
    // eslint-disable-next-line no-control-regex
    const stdout = (await inApp(app, 'npm', ['test'])).stdout.replace(/\u001b\[[\d;]*m/g, '');
    console.log(stdout.split('\n').filter((line) => /passed|failed|All size budgets/.test(line)).join('\n'));
    expect(stdout).toContain('All size budgets pass.');
    expect(stdout).toMatch(/Tests\s+\d+ passed/); // Vitest
    expect(stdout).toMatch(/\d+ passed \(/); // Playwright
    return;
  }
  await inApp(app, 'npm', ['run', 'typecheck']);
  await inApp(app, 'npm', ['run', 'lint']);
  await inApp(app, 'npm', ['run', 'build']);
  const { stdout: sizes } = await inApp(app, 'npm', ['run', 'test:size']);
  console.log(sizes.slice(sizes.indexOf('Budgets')));
  expect(sizes).toContain('All size budgets pass.');
  expect(sizes).toMatch(/ok\s+app: initial load/);
});
