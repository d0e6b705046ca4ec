import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppBuild } from '../types.js';
import { linkNodeModules, workspacePackages } from './linkNodeModules.js';
import { git, resolveCommit } from './resolveCommit.js';

/** What {@link prepareReference} builds. */
export interface PrepareReferenceOptions {
  /** The repository (holding audits/ and the app). */
  root: string;
  /** A git ref: the commit the baseline names, or `--against <ref>`. */
  ref: string;
  /** The build folders to keep (audit.config.ts `appBuild`), relative to the repository root. */
  appBuild: AppBuild;
  /** The command that builds the app at that commit. @default 'npm run build' */
  buildCommand?: string;
  /** Progress lines. @default console.log */
  log?: (line: string) => void;
}

/** A built reference: the same layout as the candidate, under `root`. */
export interface PreparedReference {
  commit: string;
  /** Where its build lives: `join(root, appBuild.distDir)` is its client. */
  root: string;
  /** Whether it came from the cache of an earlier run. */
  cached: boolean;
}

/**
 * Builds the reference of the A/B timing gates: the app as it was at `ref`, built in a temporary git worktree
 * with its own build command, and kept in node_modules/.cache/pronto-audits/ by commit, so the next run reuses it.
 *
 * The worktree shares this checkout's installed dependencies when both sides have the same package-lock.json
 * (seconds); otherwise it runs `npm ci` itself, so a dependency upgrade is measured, not hidden.
 */
export function prepareReference({
  root,
  ref,
  appBuild,
  buildCommand = 'npm run build',
  log = console.log,
}: PrepareReferenceOptions): PreparedReference {
  const commit = resolveCommit(root, ref);
  const cacheRoot = join(root, 'node_modules/.cache/pronto-audits/reference', commit);
  const done = join(cacheRoot, '.complete');
  if (existsSync(done)) return { commit, root: cacheRoot, cached: true };

  const worktree = mkdtempSync(join(tmpdir(), 'pronto-reference-'));
  const started = Date.now();
  log(`Building the reference ${commit.slice(0, 12)} (${ref}) in ${worktree}`);
  git(root, ['worktree', 'add', '--detach', '--force', worktree, commit]);
  try {
    const sameLock =
      git(root, ['diff', '--name-only', commit, '--', 'package-lock.json']) === '' &&
      !isDirty(root, 'package-lock.json');
    if (sameLock && existsSync(join(root, 'node_modules'))) linkNodeModules(root, worktree);
    else run(worktree, 'npm ci --prefer-offline --no-audit --no-fund', log);
    run(worktree, buildCommand, log);
    for (const folder of [appBuild.distDir, dirname(appBuild.serverModule)]) {
      const from = join(worktree, folder);
      if (!existsSync(from))
        throw new Error(
          `The reference build made no ${folder} (does \`${buildCommand}\` at ${commit.slice(0, 12)} build the app?)`,
        );
      cpSync(from, join(cacheRoot, folder), { recursive: true, dereference: true });
    }
    // The reference's server imports workspace packages (the collector): give it its own builds of them, found
    // before the checkout's node_modules because they sit closer to it.
    for (const { name, folder } of workspacePackages(root)) {
      if (!existsSync(join(worktree, folder, 'package.json'))) continue;
      cpSync(join(worktree, folder), join(cacheRoot, 'node_modules', name), {
        recursive: true,
        dereference: true,
        filter: (path) => !/[\\/](node_modules|src|e2e)([\\/]|$)/.test(path.slice(worktree.length)),
      });
    }
    writeFileSync(done, `${new Date().toISOString()}\n`);
    log(`Reference built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return { commit, root: cacheRoot, cached: false };
  } catch (error) {
    rmSync(cacheRoot, { recursive: true, force: true });
    throw error;
  } finally {
    git(root, ['worktree', 'remove', '--force', worktree]);
    rmSync(worktree, { recursive: true, force: true });
  }
}

function isDirty(root: string, path: string): boolean {
  return git(root, ['status', '--porcelain', '--', path]) !== '';
}

function run(cwd: string, command: string, log: (line: string) => void): void {
  log(`  $ ${command}`);
  const result = spawnSync(command, { cwd, shell: true, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`The reference build failed (\`${command}\` exited ${result.status}):\n${output}`);
  }
}
