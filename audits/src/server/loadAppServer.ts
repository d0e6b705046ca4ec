import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppBuild } from '../types.js';

/** What the built server module exports (the demo's `createDemoServer`, compiled by `npm run build`). */
export type CreateDemoServer = (options: {
  distDir: string;
  dataDir: string;
  port: number;
  host: string;
}) => Promise<{ url: string; close(): Promise<void> }>;

/**
 * The configured build (audit.config.ts `appBuild`) under `root`: its client folder and its server's factory.
 * Both audits load the compiled server rather than its sources, so the same code runs in this repository and
 * in an app made with create-app, whatever folder the build lives in.
 */
export async function loadAppServer(
  root: string,
  build: AppBuild,
): Promise<{ distDir: string; createDemoServer: CreateDemoServer }> {
  const distDir = join(root, build.distDir);
  const serverModule = join(root, build.serverModule);
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(serverModule)) {
    throw new Error(
      `The app is not built (no ${build.distDir}/index.html or ${build.serverModule}): run \`npm run build\` first`,
    );
  }
  const loaded = (await import(pathToFileURL(serverModule).href)) as { createDemoServer?: CreateDemoServer };
  if (typeof loaded.createDemoServer !== 'function')
    throw new Error(`${build.serverModule} exports no createDemoServer()`);
  return { distDir, createDemoServer: loaded.createDemoServer };
}
