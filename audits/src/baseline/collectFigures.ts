import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LighthouseAuditResult } from '../lighthouse/auditLighthouse.js';
import type { ScenarioSummary } from '../vitals/summarizeScenarios.js';
import type { Figure, FigureKind } from './types.js';

interface SizeReport {
  budgets: { name: string; size: number }[];
  chunks: { file: string; brotli: number }[];
}

/** Where the three reports live (all under reports/, written by the size step, Lighthouse and Playwright). */
export function reportPaths(root: string) {
  return {
    sizes: join(root, 'reports/size/sizes.json'),
    lighthouse: join(root, 'reports/lighthouse/summary.json'),
    vitals: join(root, 'reports/perf/results.json'),
  };
}

/** Every figure found in whichever reports exist; which sources were missing is returned too. */
export function collectFigures(root: string): { figures: Figure[]; missing: string[] } {
  const paths = reportPaths(root);
  const figures: Figure[] = [];
  const missing: string[] = [];
  const read = <T>(path: string): T | undefined => {
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
    missing.push(path);
    return undefined;
  };
  const sizes = read<SizeReport>(paths.sizes);
  if (sizes) figures.push(...sizeFigures(sizes));
  const lighthouse = read<LighthouseAuditResult>(paths.lighthouse);
  if (lighthouse) figures.push(...lighthouseFigures(lighthouse));
  const vitals = read<{ scenarios: Record<string, ScenarioSummary> }>(paths.vitals);
  if (vitals) figures.push(...vitalsFigures(vitals.scenarios));
  return { figures, missing };
}

/** Chunk names without their content hash, so a figure keeps its id across builds. */
export function stableChunkName(file: string): string {
  return file.replace(/^assets\//, '').replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z]+$)/, '');
}

/** Brotli bytes of each size budget and each chunk (by its hash-free name) from reports/size/sizes.json. */
export function sizeFigures(report: SizeReport): Figure[] {
  const figures: Figure[] = report.budgets.map((budget) => ({ id: `size:budget:${budget.name}`, kind: 'bytes', value: budget.size }));
  const byName = new Map<string, number>();
  // Two chunks can share a stable name (a route split in two): add them up rather than let one hide the other.
  for (const chunk of report.chunks) byName.set(stableChunkName(chunk.file), (byName.get(stableChunkName(chunk.file)) ?? 0) + chunk.brotli);
  for (const [name, brotli] of byName) figures.push({ id: `size:chunk:${name}`, kind: 'bytes', value: brotli });
  return figures;
}

/** Each Lighthouse target's median scores and metrics, with the spread of its runs. */
export function lighthouseFigures(result: LighthouseAuditResult): Figure[] {
  const figures: Figure[] = [];
  for (const target of result.targets) {
    for (const [category, score] of Object.entries(target.summary.scores)) {
      figures.push(withSpread({ id: `lighthouse:${target.id}:${category}`, kind: 'score', value: score }, target.samples.map((s) => s.scores[category as keyof typeof s.scores])));
    }
    for (const [metric, value] of Object.entries(target.summary.metrics)) {
      const kind: FigureKind = metric === 'cls' ? 'cls' : 'labTime';
      figures.push(withSpread({ id: `lighthouse:${target.id}:${metric}`, kind, value }, target.samples.map((s) => s.metrics[metric as keyof typeof s.metrics])));
    }
  }
  return figures;
}

/** Each Playwright scenario's median figures, with min and max when it ran more than once. */
export function vitalsFigures(scenarios: Record<string, ScenarioSummary>): Figure[] {
  const figures: Figure[] = [];
  for (const [scenario, summary] of Object.entries(scenarios)) {
    for (const [name, value] of Object.entries(summary.median)) {
      const figure: Figure = { id: `vitals:${scenario}:${name}`, kind: name === 'cls' ? 'cls' : 'fieldTime', value };
      const min = summary.min[name as keyof typeof summary.min];
      const max = summary.max[name as keyof typeof summary.max];
      if (summary.runs > 1 && min !== undefined && max !== undefined) Object.assign(figure, { min, max });
      figures.push(figure);
    }
  }
  return figures;
}

function withSpread(figure: Figure, samples: (number | undefined)[]): Figure {
  const values = samples.filter((value): value is number => typeof value === 'number');
  return values.length > 1 ? { ...figure, min: Math.min(...values), max: Math.max(...values) } : figure;
}
