// What a registry page and `npm repo` / `npm bugs` / `npm home` show: a description, keywords, links to the
// package's own folder in the repository, and `./package.json` in exports (tools such as bundler plugins and
// version checks read it, and "exports" hides it otherwise).
import { isDeepStrictEqual } from 'node:util';
import { expectedLinks } from '../lib/projectLinks.mjs';

/**
 * Checks the metadata fields of the package.json of `packages/<folder>`.
 * @param {Record<string, any>} manifest the package.json
 * @param {string} folder the package's folder under packages/
 * @returns {string[]} problems, each a sentence naming the field to fix
 */
export function checkMetadata(manifest, folder) {
  const problems = [];
  if (typeof manifest.description !== 'string' || manifest.description.trim() === '')
    problems.push('"description" is missing: the registry shows it in search results.');
  if (
    !Array.isArray(manifest.keywords) ||
    manifest.keywords.length === 0 ||
    !manifest.keywords.every((keyword) => typeof keyword === 'string' && keyword !== '')
  ) {
    problems.push('"keywords" must be a non-empty list of words people search for.');
  }
  for (const [field, expected] of Object.entries(expectedLinks(folder))) {
    if (!isDeepStrictEqual(manifest[field], expected))
      problems.push(`"${field}" must be ${JSON.stringify(expected)} (tools/lib/projectLinks.mjs).`);
  }
  // A bin-only package (an initializer) has no exports to extend.
  if (manifest.exports !== undefined && manifest.exports?.['./package.json'] !== './package.json') {
    problems.push('"exports" must map "./package.json" to "./package.json", or tools cannot read the version.');
  }
  return problems;
}
