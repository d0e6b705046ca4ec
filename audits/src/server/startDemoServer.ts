import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBuild } from '../types.js';
import { loadAppServer } from './loadAppServer.js';
import { snapshotBuild } from './snapshotBuild.js';

/** A running production build of the demo. */
export interface RunningSite {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a snapshot of the configured build (audit.config.ts `appBuild`) with the app's own server (compression,
 * cache headers, CSP: what users get) on 127.0.0.1 and a free port, with a throwaway data folder. Needs
 * `npm run build` (client and server).
 */
export async function startDemoServer(root: string, build: AppBuild): Promise<RunningSite> {
  const { distDir, createDemoServer } = await loadAppServer(root, build);
  const dataDir = mkdtempSync(join(tmpdir(), 'pronto-audit-'));
  const snapshot = snapshotBuild(distDir);
  const server = await createDemoServer({ distDir: snapshot.dir, dataDir, port: 0, host: '127.0.0.1' });
  // Compressing happens in the background at start: one request per file first keeps it out of the audit.
  await warmUp(server.url);
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      snapshot.remove();
    },
  };
}

async function warmUp(origin: string): Promise<void> {
  const html = await (await fetch(origin, { headers: { 'accept-encoding': 'br' } })).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
  await Promise.all(
    assets.map(async (path) =>
      (await fetch(new URL(path, origin), { headers: { 'accept-encoding': 'br' } })).arrayBuffer(),
    ),
  );
}
