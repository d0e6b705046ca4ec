// Where the project lives, named once: every published package.json points its repository, homepage and bugs
// here, and tools/package-lint checks that they do.

/** The repository's web address. */
export const REPOSITORY_URL = 'https://github.com/pronto-dev/pronto';

/**
 * The metadata fields a package in `packages/<folder>` must carry, with their exact values.
 * @param {string} folder the package's folder under packages/
 */
export function expectedLinks(folder) {
  return {
    repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, directory: `packages/${folder}` },
    homepage: `${REPOSITORY_URL}/tree/main/packages/${folder}#readme`,
    bugs: { url: `${REPOSITORY_URL}/issues` },
  };
}
