// A package that only ships a command (create-pronto) has no exports, types or dist/ for publint and
// are-the-types-wrong to judge; what its users rely on is that the command is in the tarball and runs on their Node.

/**
 * @param {Record<string, any>} manifest the package.json
 * @param {string[]} packedFiles paths in the tarball
 * @returns {string[]} problems, each a sentence naming the field or file to fix
 */
export function checkBinManifest(manifest, packedFiles) {
  const problems = [];
  if (!packedFiles.some((file) => /^readme(\.md)?$/i.test(file)))
    problems.push('README.md is not in the tarball: the registry page would be empty.');
  if (!packedFiles.some((file) => /^licen[cs]e(\.\w+)?$/i.test(file)))
    problems.push('LICENSE is not in the tarball: add the licence text next to package.json.');
  if (manifest.type !== 'module') problems.push('"type" must be "module".');
  if (typeof manifest.engines?.node !== 'string') problems.push('"engines.node" is missing.');
  if (typeof manifest.license !== 'string') problems.push('"license" is missing.');
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  if (Object.keys(bins).length === 0) problems.push('"bin" is missing: a package without exports must ship a command.');
  for (const [command, path] of Object.entries(bins)) {
    if (!packedFiles.includes(String(path).replace(/^\.\//, '')))
      problems.push(`"bin.${command}" points at ${path}, which is not in the tarball.`);
  }
  for (const field of ['dependencies', 'peerDependencies']) {
    // The command copies files; anything it imports must come with Node, or `npm create` would install more.
    if (Object.keys(manifest[field] ?? {}).length)
      problems.push(`"${field}" must be empty: the initializer uses Node's built-in modules only.`);
  }
  return problems;
}
