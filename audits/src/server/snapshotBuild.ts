import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies a build to a private folder, so a rebuild of the original during a long audit (a developer's `npm run
 * build` in another terminal) cannot mix two builds in one measurement or delete index.html mid-run.
 */
export function snapshotBuild(distDir: string): { dir: string; remove(): void } {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`No build in ${distDir}: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'pronto-audit-dist-'));
  cpSync(distDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
