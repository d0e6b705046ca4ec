import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { snapshotBuild } from './snapshotBuild.js';

/** A running production build of the demo. */
export interface RunningSite {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close(): Promise<void>;
}

interface DemoServerModule {
  createDemoServer(options: { distDir: string; dataDir: string; port: number; host: string }): Promise<{ url: string; close(): Promise<void> }>;
}

/**
 * Serves a snapshot of apps/demo/dist with the demo's own server (compression, cache headers, CSP: what users
 * get) on 127.0.0.1 and a free port, with a throwaway data folder. Needs `npm run build` (client and dist-server).
 */
export async function startDemoServer(repoRoot: string): Promise<RunningSite> {
  const distDir = join(repoRoot, 'apps/demo/dist');
  const serverModule = join(repoRoot, 'apps/demo/dist-server/createDemoServer.js');
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(serverModule)) {
    throw new Error('The demo is not built (apps/demo/dist and apps/demo/dist-server): run `npm run build` first');
  }
  const { createDemoServer } = (await import(pathToFileURL(serverModule).href)) as DemoServerModule;
  const dataDir = mkdtempSync(join(tmpdir(), 'pronto-audit-'));
  const build = snapshotBuild(distDir);
  const server = await createDemoServer({ distDir: build.dir, dataDir, port: 0, host: '127.0.0.1' });
  // Compressing happens in the background at start: one request per file first keeps it out of the audit.
  await warmUp(server.url);
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      build.remove();
    },
  };
}

async function warmUp(origin: string): Promise<void> {
  const html = await (await fetch(origin, { headers: { 'accept-encoding': 'br' } })).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
  await Promise.all(assets.map(async (path) => (await fetch(new URL(path, origin), { headers: { 'accept-encoding': 'br' } })).arrayBuffer()));
}
