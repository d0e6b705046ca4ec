import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder up from this file that holds audits/audit.config.ts (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'audits/audit.config.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root (no audits/audit.config.ts above this file)');
    dir = parent;
  }
  return dir;
}
