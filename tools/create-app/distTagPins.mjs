// Pins for dependencies that a package declares by dist-tag ("latest") instead of a version range.
//
// npm resolves such a tag differently when it writes a lockfile and when `npm ci` checks it: `npm install` may
// settle `latest` on an older copy already in the tree, and `npm ci` then asks the registry, gets a newer
// version, and rejects the lockfile as out of sync ("Missing: third-party-web@0.30.0 from lock file", from
// lighthouse's @paulirish/trace_engine). An app made from the template would then fail its own `npm ci`.
// Overriding each tagged dependency with the version the monorepo's lockfile installed makes the app's lockfile
// stable, and installs what the monorepo tested.
import semver from 'semver';

/** Specs that are not dist-tags although they are not semver ranges. */
const NON_TAG_SPEC = /^(file:|link:|npm:|workspace:|git[+:]|github:|https?:)/;

/**
 * The lockfile path a dependency of the package at `parentPath` resolves to, walking up node_modules
 * directories the way Node's resolution does.
 * @param {Record<string, any>} packages the lockfile's `packages`
 * @param {string} parentPath e.g. `node_modules/@paulirish/trace_engine`
 * @param {string} name the dependency
 * @returns {string | undefined}
 */
function resolveInLock(packages, parentPath, name) {
  let base = parentPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('node_modules/');
    base = cut <= 0 ? '' : base.slice(0, cut - 1);
  }
}

/**
 * `overrides` for package.json: for each package in `lock` with a dependency declared by dist-tag, that
 * dependency pinned to the version the lockfile resolved it to. Empty when there is none.
 * @param {Record<string, any>} lock a package-lock.json (lockfileVersion 2 or 3)
 * @returns {Record<string, Record<string, string>>} parent package name -> dependency -> exact version
 */
export function distTagPins(lock) {
  const packages = lock.packages;
  if (!packages) throw new Error('package-lock.json has no "packages" (lockfileVersion 2 or newer is needed).');
  /** @type {Record<string, Record<string, string>>} */
  const pins = {};
  for (const [path, entry] of Object.entries(packages)) {
    if (!path.includes('node_modules/')) continue;
    for (const [name, spec] of Object.entries({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (semver.validRange(spec) || NON_TAG_SPEC.test(spec)) continue;
      const resolved = resolveInLock(packages, path, name);
      if (!resolved) {
        if (entry.optionalDependencies?.[name]) continue;
        throw new Error(
          `package-lock.json has no copy of ${name} for ${path} (declared as "${spec}"); run npm install at the root.`,
        );
      }
      const parent = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      (pins[parent] ??= {})[name] = packages[resolved].version;
    }
  }
  return Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
}
