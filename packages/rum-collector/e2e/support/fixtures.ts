import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { build } from 'vite';
import { createCollectorServer, type CollectorServer } from '../../src/index.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** A collector (with an empty store) serving a fresh production build of the dashboard. */
export const test = base.extend<{}, { collector: CollectorServer }>({
  collector: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'rum-dash-'));
      const outDir = path.join(dir, 'dashboard');
      await build({
        configFile: path.join(packageDir, 'dashboard/vite.config.ts'),
        build: { outDir, emptyOutDir: true },
      });
      const server = await createCollectorServer({
        port: 0,
        dataDir: path.join(dir, 'data'),
        dashboardDir: outDir,
        rateLimit: false,
      });
      await use(server);
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
