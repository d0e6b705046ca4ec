import { spawnSync } from 'node:child_process';

/** Runs git in `root`; throws with git's own message when it fails. */
export function git(root: string, args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.error) throw new Error(`git is needed to build the reference: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout.trim();
}

/**
 * The full commit id of `ref` (a commit, a tag, a branch such as origin/main). A shallow clone lacks older
 * commits, which is the usual reason this fails in CI, so the error says how to fetch them.
 */
export function resolveCommit(root: string, ref: string): string {
  if (!ref.trim() || ref.startsWith('-')) throw new Error(`"${ref}" is not a git ref`);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    const shallow =
      spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: root, encoding: 'utf8' }).stdout.trim() ===
      'true';
    throw new Error(
      `The reference "${ref}" is not a commit of this repository.` +
        (shallow
          ? ' This clone is shallow: fetch the history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout).'
          : ' Fetch it first (`git fetch origin`), or name another ref with --against.'),
    );
  }
}
