// What the app needs to run the monorepo's performance audits (audits/, copied by rewrites.mjs): the root's
// audit scripts, which work unchanged at the app's root, and the packages the audit code imports.

/** The root scripts that build and run audits/; their paths (audits/...) are the same in the app. */
export const AUDIT_SCRIPTS = [
  'audit:build',
  'audit',
  'audit:lighthouse',
  'audit:perf',
  'audit:timings',
  'audit:baseline',
  'audit:report',
  'audit:update-baseline',
  'test:audit',
];

/** Audit imports the root package.json pins (lighthouse; @playwright/test is among the app's tools already). */
export const AUDIT_TOOLS = ['lighthouse'];

/**
 * Audit imports the root package.json does not list, because the monorepo gets them from other packages:
 * chrome-launcher and puppeteer-core come with lighthouse, web-vitals with @pronto/rum. The app declares them
 * itself, at the version the monorepo's package-lock.json installed (so the audits run on what was tested).
 */
export const AUDIT_LOCKED_PACKAGES = ['chrome-launcher', 'puppeteer-core', 'web-vitals'];

/**
 * The audit scripts, copied from the root package.json.
 * @param {Record<string, any>} root the monorepo's root package.json
 * @returns {Record<string, string>}
 */
export function auditScripts(root) {
  return Object.fromEntries(
    AUDIT_SCRIPTS.map((name) => {
      const script = root.scripts?.[name];
      if (!script) throw new Error(`The root package.json has no "${name}" script, which the app's audits need.`);
      return [name, script];
    }),
  );
}

/**
 * The audit packages' version ranges: the root's for {@link AUDIT_TOOLS}, `^<locked version>` for the others.
 * @param {Record<string, any>} root the monorepo's root package.json
 * @param {Record<string, any>} lock the monorepo's package-lock.json
 * @returns {Record<string, string>}
 */
export function auditDevDependencies(root, lock) {
  /** @type {Record<string, string>} */
  const ranges = {};
  for (const tool of AUDIT_TOOLS) {
    const range = root.devDependencies?.[tool];
    if (!range) throw new Error(`The root package.json has no version of ${tool}, which the app's audits need.`);
    ranges[tool] = range;
  }
  for (const name of AUDIT_LOCKED_PACKAGES) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version)
      throw new Error(
        `package-lock.json has no node_modules/${name}, which the app's audits import; run npm install at the root.`,
      );
    ranges[name] = `^${version}`;
  }
  return ranges;
}
