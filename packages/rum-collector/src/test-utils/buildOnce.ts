import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Compiles src/ to dist/ once per run so child-process tests execute the current code, and builds the dashboard
 * when dist/ has none yet (the CLI test fetches it).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const bin = (path: string) => fileURLToPath(new URL(`../../../../node_modules/${path}`, import.meta.url));
  execFileSync(process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(`${root}dist/dashboard/index.html`)) {
    execFileSync(process.execPath, [bin('vite/bin/vite.js'), 'build', '--config', 'dashboard/vite.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}
