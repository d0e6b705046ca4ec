import type { Tolerance } from '../types.js';
import type { Baseline, Figure, FigureKind } from './types.js';

/** One figure next to its baseline. */
export interface Comparison {
  id: string;
  kind: FigureKind;
  baseline: number;
  current: number;
  /** For identity figures: what it was and what it is now. */
  baselineText?: string;
  currentText?: string;
  /** Signed change in the bad direction (positive = worse). */
  worseBy: number;
  allowed: number;
  regressed: boolean;
}

/** Float noise (0.98 - 0.95 > 0.03) must not turn "exactly at the tolerance" into a regression. */
const EPSILON = 1e-9;

/** Scores regress downwards; everything else (bytes, times, CLS) upwards. */
export function worseBy(kind: FigureKind, baseline: number, current: number): number {
  return kind === 'score' ? baseline - current : current - baseline;
}

/** The slack for one figure: the larger of the absolute and the relative tolerance. */
export function allowedSlack(tolerance: Tolerance, baseline: number): number {
  return Math.max(tolerance.absolute, (tolerance.relative ?? 0) * Math.abs(baseline));
}

/**
 * Compares every current figure that the baseline also has. Figures only on one side are listed apart:
 * a short CI run measures a subset, and a new chunk is not a regression of an old one.
 */
export function compareFigures(
  baseline: Baseline,
  current: readonly Figure[],
  tolerances: Readonly<Record<FigureKind, Tolerance>>,
) {
  const comparisons: Comparison[] = [];
  const added: Figure[] = [];
  for (const figure of current) {
    const before = baseline.figures[figure.id];
    if (!before) {
      added.push(figure);
      continue;
    }
    if (figure.kind === 'identity' || before.kind === 'identity') {
      const changed = (before.text ?? '') !== (figure.text ?? '');
      comparisons.push({
        id: figure.id,
        kind: 'identity',
        baseline: 0,
        current: changed ? 1 : 0,
        baselineText: before.text ?? '',
        currentText: figure.text ?? '',
        worseBy: changed ? 1 : 0,
        allowed: 0,
        regressed: changed,
      });
      continue;
    }
    const allowed = allowedSlack(tolerances[figure.kind], before.value);
    const change = worseBy(figure.kind, before.value, figure.value);
    comparisons.push({
      id: figure.id,
      kind: figure.kind,
      baseline: before.value,
      current: figure.value,
      worseBy: change,
      allowed,
      regressed: change > allowed + EPSILON,
    });
  }
  const seen = new Set(current.map((figure) => figure.id));
  const notMeasured = Object.keys(baseline.figures).filter((id) => !seen.has(id));
  return { comparisons, regressions: comparisons.filter((comparison) => comparison.regressed), added, notMeasured };
}

/** A figure in its unit: bytes, a score in points, CLS with 3 decimals, a count. */
export function formatFigure(kind: FigureKind, value: number): string {
  if (kind === 'bytes') return `${value} B`;
  if (kind === 'score') return value.toFixed(2);
  if (kind === 'cls') return value.toFixed(3);
  if (kind === 'count') return `${value}`;
  return `${value}`;
}

/** "size:chunk:entry.js regressed by 900 B / 22.8 % (3952 B -> 4852 B, allowed 0 B)" */
export function describeRegression(comparison: Comparison): string {
  if (comparison.kind === 'identity')
    return `${comparison.id} changed: "${comparison.baselineText}" -> "${comparison.currentText}"`;
  const f = (value: number) => formatFigure(comparison.kind, value);
  const percent = comparison.baseline
    ? ` / ${((comparison.worseBy / Math.abs(comparison.baseline)) * 100).toFixed(1)} %`
    : '';
  return `${comparison.id} regressed by ${f(comparison.worseBy)}${percent} (${f(comparison.baseline)} -> ${f(comparison.current)}, allowed ${f(comparison.allowed)})`;
}

/** `size:chunk`, `lighthouse:mobile-catalog`, `vitals:first-load`: the figures one measurement replaces together. */
function groupOf(id: string): string {
  return id.split(':').slice(0, 2).join(':');
}

/**
 * A new baseline: the current figures replace every old figure of the groups they belong to (so a chunk that no
 * longer exists leaves the baseline), and groups this run did not measure (a CI subset) are kept as they were.
 */
export function updateBaseline(
  previous: Baseline | undefined,
  current: readonly Figure[],
  note: string,
  now = new Date(),
): Baseline {
  const measured = new Set(current.map((figure) => groupOf(figure.id)));
  const figures: Baseline['figures'] = Object.fromEntries(
    Object.entries(previous?.figures ?? {}).filter(([id]) => !measured.has(groupOf(id))),
  );
  for (const { id, ...rest } of current) figures[id] = rest;
  const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
  return { updatedAt: now.toISOString(), note, figures: sorted };
}
