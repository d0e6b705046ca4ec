import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tolerances } from '../../audit.config.js';
import { compareFigures, describeRegression } from './compareFigures.js';
import type { Baseline, Figure } from './types.js';

/** The baseline regressions among these figures (none when there is no baseline yet), as sentences. */
export function findRegressions(root: string, figures: readonly Figure[]): string[] {
  const path = join(root, 'audits/baseline.json');
  if (!existsSync(path)) return [];
  const baseline = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  return compareFigures(baseline, figures, tolerances).regressions.map(describeRegression);
}
