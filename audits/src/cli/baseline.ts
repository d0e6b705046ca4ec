import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { requireBaseline, tolerances } from '../../audit.config.js';
import { collectFigures, reportPaths } from '../baseline/collectFigures.js';
import type { LighthouseAuditResult } from '../lighthouse/auditLighthouse.js';
import { median } from '../lib/median.js';
import { git } from '../reference/resolveCommit.js';
import { compareFigures, describeRegression, updateBaseline } from '../baseline/compareFigures.js';
import type { Baseline } from '../baseline/types.js';
import { repoRoot } from '../lib/repoRoot.js';

/**
 * HEAD, the reference of later A/B timing runs; undefined outside git. Uncommitted app changes would make the
 * recorded figures describe something HEAD does not hold, so they are named.
 */
function referenceCommit(root: string): string | undefined {
  try {
    const commit = git(root, ['rev-parse', 'HEAD']);
    const dirty = git(root, ['status', '--porcelain', '--untracked-files=no'])
      .split('\n')
      .filter((line) => line && !line.endsWith('audits/baseline.json'));
    if (dirty.length)
      console.log(
        `Note: uncommitted changes (${dirty.length} file(s)) are not in the reference ${commit.slice(0, 12)}; commit them and update the baseline again to include them.`,
      );
    return commit;
  } catch {
    return undefined;
  }
}

/** The median CPU benchmark index of this run's Lighthouse targets, the device the limits were checked on. */
function benchmarkIndex(root: string): number | undefined {
  const path = reportPaths(root).lighthouse;
  if (!existsSync(path)) return undefined;
  const summary = JSON.parse(readFileSync(path, 'utf8')) as LighthouseAuditResult;
  const indexes = summary.targets
    .map((target) => target.summary.benchmarkIndex)
    .filter((value): value is number => typeof value === 'number' && value > 0);
  return indexes.length ? Math.round(median(indexes)) : undefined;
}

/** Reads a baseline file, with a clear error for a broken one. */
export function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Baseline>;
  if (!parsed.figures || typeof parsed.figures !== 'object')
    throw new Error(`${path} is not a baseline (no "figures" object)`);
  return parsed as Baseline;
}

/**
 * `npm run audit:baseline [-- --update] [--root dir] [--baseline file]`: compares the figures in reports/
 * (sizes, Lighthouse, Playwright vitals) with audits/baseline.json; exits 1 naming each regression.
 * `--update` writes the current figures into the baseline instead. Without a baseline file it fails when
 * `requireBaseline` (audit.config.ts) is true, and otherwise says there is none yet and passes.
 */
export async function main(argv: readonly string[], options: { requireBaseline?: boolean } = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { update: { type: 'boolean', default: false }, root: { type: 'string' }, baseline: { type: 'string' } },
  });
  const root = values.root ?? repoRoot();
  const baselinePath = values.baseline ?? join(root, 'audits/baseline.json');
  const { figures, missing } = collectFigures(root);
  for (const path of missing) console.log(`  (no ${path}: its figures are not compared)`);
  if (!figures.length) {
    console.error('No figures to compare: run the size step, Lighthouse or the perf audit first');
    return 1;
  }
  const previous = readBaseline(baselinePath);
  if (values.update) {
    const note =
      'Written by `npm run audit:update-baseline` from the reports in reports/; review the diff before committing.';
    const next = updateBaseline(previous, figures, note);
    const reference = referenceCommit(root);
    if (reference) next.reference = { commit: reference };
    const index = benchmarkIndex(root);
    if (index !== undefined) next.benchmarkIndex = index;
    else if (previous?.benchmarkIndex !== undefined) next.benchmarkIndex = previous.benchmarkIndex;
    mkdirSync(dirname(baselinePath), { recursive: true });
    writeFileSync(baselinePath, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`Baseline updated with ${figures.length} figure(s): ${baselinePath}`);
    if (reference)
      console.log(
        `The timing gates' reference is now ${reference.slice(0, 12)} (HEAD): commit the baseline on top of it.`,
      );
    return 0;
  }
  if (!previous) {
    if (options.requireBaseline ?? requireBaseline) {
      console.error(`No baseline at ${baselinePath}: create it with \`npm run audit:update-baseline\``);
      return 1;
    }
    // Passing says only that nothing was compared: the limits still gate, but no regression can be found.
    console.log(
      `Baseline: no baseline yet (${relative(root, baselinePath) || baselinePath}), so ${figures.length} figure(s) were not compared with anything.\n` +
        'Run `npm run audit:update-baseline` to measure and write one, review it and commit it; then set requireBaseline to true in audits/audit.config.ts.',
    );
    return 0;
  }
  const { comparisons, regressions, added, notMeasured } = compareFigures(previous, figures, tolerances);
  console.log(
    `Baseline: ${comparisons.length} figure(s) compared, ${added.length} new, ${notMeasured.length} not measured this run.`,
  );
  if (regressions.length) {
    console.error(`\nBaseline: ${regressions.length} figure(s) regressed past their tolerance:`);
    for (const regression of regressions) console.error(`  FAIL ${describeRegression(regression)}`);
    return 1;
  }
  console.log('Baseline: no figure regressed past its tolerance.');
  return 0;
}
