import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as setup } from '@playwright/test';
import { demoDist } from './demoServer';

// The demo specs run against the production build (`npm run build`). The update-flow and chunk-hash
// specs also need a second build that differs only in app code: built here, into apps/demo/dist-next.
setup('build the next version of the demo', () => {
  setup.setTimeout(120_000);
  if (!existsSync(`${demoDist}/index.html`)) {
    throw new Error('apps/demo/dist is missing: run `npm run build` before `npm run test:e2e`.');
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(
    process.execPath,
    [`${root}/node_modules/vite/bin/vite.js`, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PRONTO_OUT_DIR: 'dist-next', PRONTO_BUILD_ID: `next-${Date.now()}` },
    },
  );
});
