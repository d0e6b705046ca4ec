import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig } from 'vite';
import { responsiveImages } from '../../src/vite/index.js';
import { makeFixtureImages } from './makeFixtureImages.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const appDir = path.join(packageDir, 'e2e/app');

/** Pages pre-rendered on the "server" (ssr-<name>.html) for the no-JavaScript and hydration tests. */
export const SSR_SCENARIOS = ['grid', 'grid-observer', 'hero'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// The site only changes when the app, the build code or the library sources change.
async function hashOf(paths: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of paths) {
    const full = path.join(packageDir, entry);
    const files = entry.includes('.') ? [full] : await filesUnder(full);
    for (const file of files) {
      if (file.includes('.test.')) continue;
      hash.update(file).update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function waitFor(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Builds the test pages with Vite (client build, plus a server build to pre-render the SSR pages) into
 * `.e2e-site/<hash>/dist` and returns that folder. Workers share one build: the first takes a lock
 * directory, the others wait for its `done` marker.
 */
export async function buildSite(): Promise<string> {
  // Fixture images take the longest to make and change least: they get their own cache folder.
  const imagesDir = path.join(packageDir, '.e2e-site', `images-${await hashOf(['e2e/support/makeFixtureImages.ts'])}`);
  const siteDir = path.join(
    packageDir,
    '.e2e-site',
    `site-${await hashOf(['e2e/app', 'src', 'e2e/support/buildSite.ts', 'e2e/support/makeFixtureImages.ts'])}`,
  );
  const dist = path.join(siteDir, 'dist');
  const done = path.join(siteDir, 'done');
  if (existsSync(done)) return dist;
  await mkdir(path.dirname(siteDir), { recursive: true });
  try {
    await mkdir(`${siteDir}.lock`);
  } catch {
    await waitFor(done, 180_000);
    return dist;
  }
  try {
    await rm(siteDir, { recursive: true, force: true });
    if (!existsSync(path.join(imagesDir, 'done'))) {
      await makeFixtureImages(imagesDir);
      await writeFile(path.join(imagesDir, 'done'), '');
    }
    const shared: InlineConfig = {
      root: appDir,
      configFile: false,
      logLevel: 'warn',
      publicDir: path.join(imagesDir, 'public'),
      cacheDir: path.join(siteDir, '.vite'),
      resolve: { alias: { '@fixtures': path.join(imagesDir, 'fixtures') } },
      plugins: [
        react(),
        responsiveImages({ widths: [640, 1280, 1920], cacheDir: path.join(packageDir, '.e2e-site/image-cache') }),
      ],
    };
    await build({ ...shared, build: { outDir: dist, emptyOutDir: true } });
    const ssrOut = path.join(siteDir, 'ssr');
    await build({
      ...shared,
      publicDir: false,
      ssr: { noExternal: true },
      build: { ssr: path.join(appDir, 'ssr.tsx'), outDir: ssrOut, emptyOutDir: true },
    });
    const { render } = (await import(pathToFileURL(path.join(ssrOut, 'ssr.js')).href)) as {
      render: (scenario: string) => string;
    };
    const template = await readFile(path.join(dist, 'index.html'), 'utf8');
    for (const scenario of SSR_SCENARIOS) {
      const html = template.replace(
        '<div id="root"><!--app--></div>',
        `<div id="root" data-scenario="${scenario}">${render(scenario)}</div>`,
      );
      await writeFile(path.join(dist, `ssr-${scenario}.html`), html);
    }
    await writeFile(done, new Date().toISOString());
    // Older builds of the site are never used again.
    for (const entry of await readdir(path.dirname(siteDir))) {
      const full = path.join(path.dirname(siteDir), entry);
      if (entry.startsWith('site-') && full !== siteDir && !entry.endsWith('.lock'))
        await rm(full, { recursive: true, force: true });
    }
    return dist;
  } finally {
    await rm(`${siteDir}.lock`, { recursive: true, force: true });
  }
}
