import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LighthouseAuditResult } from '../lighthouse/auditLighthouse.js';
import type { ScenarioSummary } from '../vitals/scenarioSummary.js';
import type { Figure } from './types.js';

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
  const figures: Figure[] = report.budgets.map((budget) => ({
    id: `size:budget:${budget.name}`,
    kind: 'bytes',
    value: budget.size,
  }));
  const byName = new Map<string, number>();
  // Two chunks can share a stable name (a route split in two): add them up rather than let one hide the other.
  for (const chunk of report.chunks)
    byName.set(stableChunkName(chunk.file), (byName.get(stableChunkName(chunk.file)) ?? 0) + chunk.brotli);
  for (const [name, brotli] of byName) figures.push({ id: `size:chunk:${name}`, kind: 'bytes', value: brotli });
  return figures;
}

/**
 * Each Lighthouse target's deterministic figures: the category scores other than performance (the same audits
 * pass or fail on every run), CLS, and the LCP element. Timings and the performance score are judged A/B
 * against the reference build instead (reports/timings/).
 */
export function lighthouseFigures(result: LighthouseAuditResult): Figure[] {
  const figures: Figure[] = [];
  for (const target of result.targets) {
    for (const [category, score] of Object.entries(target.summary.scores)) {
      if (category === 'performance') continue;
      figures.push(
        withSpread(
          { id: `lighthouse:${target.id}:${category}`, kind: 'score', value: score },
          target.samples.map((s) => s.scores[category as keyof typeof s.scores]),
        ),
      );
    }
    const cls = target.summary.metrics.cls;
    if (cls !== undefined)
      figures.push(
        withSpread(
          { id: `lighthouse:${target.id}:cls`, kind: 'cls', value: cls },
          target.samples.map((s) => s.metrics.cls),
        ),
      );
    // The selector only: Lighthouse's HTML snippet carries the server's port and the image URL.
    const lcpSelector = target.summary.lcpElement?.split(' <')[0];
    if (lcpSelector)
      figures.push({ id: `lighthouse:${target.id}:lcpElement`, kind: 'identity', value: 0, text: lcpSelector });
  }
  return figures;
}

/**
 * Each Playwright scenario's deterministic figures from the candidate's runs: the largest CLS seen; and for the
 * first visit (`first-load`) the LCP element and what it downloaded (requests, compressed bytes, render-blocking
 * resources). Other scenarios' downloads depend on how far a scroll got or what a service worker had cached
 * (catalog-scroll measured 95 and 96 requests in two runs of one build), so they are shown, not gated.
 */
export function vitalsFigures(scenarios: Record<string, ScenarioSummary>): Figure[] {
  const figures: Figure[] = [];
  for (const [scenario, summary] of Object.entries(scenarios)) {
    const facts = summary.facts;
    if (!facts) continue;
    const id = (name: string) => `vitals:${scenario}:${name}`;
    figures.push({ id: id('cls'), kind: 'cls', value: facts.cls });
    if (scenario !== 'first-load') continue;
    if (facts.lcpElement !== undefined)
      figures.push({ id: id('lcpElement'), kind: 'identity', value: 0, text: facts.lcpElement });
    figures.push({ id: id('requests'), kind: 'count', value: facts.requests });
    figures.push({ id: id('bytes'), kind: 'bytes', value: facts.bytes });
    figures.push({
      id: id('renderBlocking'),
      kind: 'identity',
      value: 0,
      text: facts.renderBlocking.join(' ') || '(none)',
    });
  }
  return figures;
}

function withSpread(figure: Figure, samples: (number | undefined)[]): Figure {
  const values = samples.filter((value): value is number => typeof value === 'number');
  return values.length > 1 ? { ...figure, min: Math.min(...values), max: Math.max(...values) } : figure;
}
