// What a consumer's install relies on beyond what publint and are-the-types-wrong check: the fields a published
// package must carry, React as a peer that accepts 18 and 19, and dependencies that match what dist/ imports.
import { builtinModules } from 'node:module';
import semver from 'semver';

/** React versions a package must accept: the oldest 18 that has useSyncExternalStore/useId and the first 19. */
const REACT_VERSIONS = ['18.2.0', '19.0.0'];
const REACT_PACKAGES = new Set(['react', 'react-dom']);

/**
 * The package name of a bare import specifier (`@scope/name/sub` -> `@scope/name`), or undefined for builtins
 * and relative or absolute paths.
 * @param {string} specifier
 */
export function packageNameOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  if (/^[a-z]+:/i.test(specifier)) return undefined; // data:, http:, virtual: ...
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (!name || builtinModules.includes(name)) return undefined;
  return name;
}

/**
 * Checks a package.json against the imports found in the files it publishes.
 * @param {Record<string, any>} manifest the package.json
 * @param {{ file: string, specifier: string, typeOnly?: boolean }[]} imports every import of the published files;
 *   `typeOnly` for those found in declaration files
 * @param {string[]} [packedFiles] paths in the tarball; when given, README and licence text must be among them
 * @returns {string[]} problems, each a sentence naming the field or file to fix
 */
export function checkManifest(manifest, imports, packedFiles) {
  const problems = [];
  if (packedFiles) {
    if (!packedFiles.some((file) => /^readme(\.md)?$/i.test(file)))
      problems.push('README.md is not in the tarball: the registry page would be empty.');
    // MIT and most licences require their text to travel with the code.
    if (!packedFiles.some((file) => /^licen[cs]e(\.\w+)?$/i.test(file)))
      problems.push('LICENSE is not in the tarball: add the licence text next to package.json.');
  }
  if (manifest.type !== 'module') problems.push('"type" must be "module" (the packages are ESM only).');
  if (!manifest.exports || typeof manifest.exports !== 'object' || !('.' in manifest.exports)) {
    problems.push('"exports" must map "." (and every public subpath).');
  }
  if (typeof manifest.types !== 'string') problems.push('"types" is missing (tools that ignore "exports" need it).');
  if (manifest.sideEffects === undefined)
    problems.push('"sideEffects" is missing (false, or the files that have them), so bundlers cannot tree-shake.');
  if (!Array.isArray(manifest.files) || manifest.files.length === 0)
    problems.push('"files" is missing: the tarball would ship sources, tests and benchmarks.');
  if (typeof manifest.engines?.node !== 'string') problems.push('"engines.node" is missing.');
  if (typeof manifest.license !== 'string') problems.push('"license" is missing.');

  const dependencies = manifest.dependencies ?? {};
  const peers = manifest.peerDependencies ?? {};
  /** Packages the shipped JavaScript loads at runtime, and those only the declaration files name. */
  const importedNames = new Map();
  const typeNames = new Map();
  for (const { file, specifier, typeOnly = false } of imports) {
    const name = packageNameOf(specifier);
    if (!name || name === manifest.name) continue;
    const into = typeOnly ? typeNames : importedNames;
    if (!into.has(name)) into.set(name, new Set());
    into.get(name).add(file);
  }

  for (const name of REACT_PACKAGES) {
    if (name in dependencies)
      problems.push(`"${name}" is in "dependencies": it must be a peerDependency, or apps get two copies of React.`);
    if (!importedNames.has(name)) continue;
    const range = peers[name];
    if (typeof range !== 'string') {
      problems.push(`dist imports "${name}" but "peerDependencies" does not list it.`);
      continue;
    }
    const refused = REACT_VERSIONS.filter((version) => !semver.satisfies(version, range));
    if (refused.length)
      problems.push(
        `peerDependencies.${name} is "${range}", which refuses ${refused.map((v) => `${name}@${v}`).join(' and ')}: use "^18 || ^19".`,
      );
  }

  for (const [name, files] of importedNames) {
    if (name in dependencies || name in peers || REACT_PACKAGES.has(name)) continue;
    problems.push(
      `dist imports "${name}" (${[...files].sort().join(', ')}) but neither "dependencies" nor "peerDependencies" lists it: a consumer's install breaks.`,
    );
  }
  for (const [name, files] of typeNames) {
    // @types/* packages come from the app (e.g. @types/react), which is how React's own types reach consumers.
    if (name in dependencies || name in peers || importedNames.has(name) || REACT_PACKAGES.has(name)) continue;
    problems.push(
      `the declaration files import types from "${name}" (${[...files].sort().join(', ')}) but the package does not depend on it: consumers' type-checks fail.`,
    );
  }
  for (const name of Object.keys(dependencies)) {
    if (!importedNames.has(name))
      problems.push(
        `"dependencies" lists "${name}" but no published file imports it: every consumer installs it for nothing.`,
      );
  }
  for (const name of Object.keys(peers)) {
    // A React component library peers on react-dom by convention (it renders into the DOM) even without importing it.
    if (name === 'react-dom' && importedNames.has('react')) continue;
    if (!importedNames.has(name) && !typeNames.has(name))
      problems.push(`"peerDependencies" lists "${name}" but no published file imports it.`);
  }
  return problems;
}
