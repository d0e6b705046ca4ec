import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Gives a worktree the installed dependencies of `root` without reinstalling: a `node_modules` of symlinks to
 * root's entries, except workspace links (which point inside the repository), re-pointed at the worktree's own
 * copies so the reference builds its own packages. Only valid when both sides have the same package-lock.json.
 */
export function linkNodeModules(root: string, worktree: string): void {
  linkFolder(root, worktree, 'node_modules');
  // Workspaces can hold nested installs (a version that could not be hoisted): link those too.
  for (const { folder: workspace } of workspacePackages(root)) {
    const nested = join(root, workspace, 'node_modules');
    if (
      existsSync(nested) &&
      existsSync(join(worktree, workspace)) &&
      !existsSync(join(worktree, workspace, 'node_modules'))
    ) {
      symlinkSync(nested, join(worktree, workspace, 'node_modules'), 'dir');
    }
  }
}

function linkFolder(root: string, worktree: string, folder: string): void {
  const from = join(root, folder);
  const to = join(worktree, folder);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      linkFolder(root, worktree, join(folder, entry.name));
      continue;
    }
    if (entry.isSymbolicLink()) {
      const pointsTo = resolve(dirname(source), readlinkSync(source));
      const inside = relative(realpathSync(root), pointsTo);
      if (!inside.startsWith('..') && !inside.startsWith('/')) {
        // A workspace package: the worktree's version of it.
        symlinkSync(join(worktree, inside), target, 'dir');
        continue;
      }
    }
    symlinkSync(source, target, lstatSync(source).isDirectory() ? 'dir' : 'file');
  }
}

/** Workspace packages of root: their name in node_modules and their folder (packages/x, apps/y). */
export function workspacePackages(root: string): { name: string; folder: string }[] {
  const out: { name: string; folder: string }[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith('@') && entry.isDirectory()) visit(path);
      else if (entry.isSymbolicLink()) {
        const inside = relative(realpathSync(root), resolve(dirname(path), readlinkSync(path)));
        if (!inside.startsWith('..') && !inside.startsWith('/'))
          out.push({ name: relative(join(root, 'node_modules'), path), folder: inside });
      }
    }
  };
  visit(join(root, 'node_modules'));
  return out;
}
