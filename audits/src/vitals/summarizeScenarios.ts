import { median } from '../lib/median.js';
import type { VitalsResult } from './types.js';

/** One run of one scenario, as a spec records it. */
export interface ScenarioSample {
  scenario: string;
  result: VitalsResult;
  failures: string[];
}

/** Per-scenario medians and spread over repeated runs (`--repeat-each`). */
export interface ScenarioSummary {
  runs: number;
  median: Partial<Record<FigureName, number>>;
  min: Partial<Record<FigureName, number>>;
  max: Partial<Record<FigureName, number>>;
  /** Attribution of the run whose main figure is the median one. */
  attribution: VitalsResult['attribution'];
  failures: string[];
}

/** The figures a scenario can report, in table order. */
export const figureNames = ['lcp', 'fcp', 'cls', 'inp', 'ttfb', 'blockingTime', 'longestTask'] as const;
/** One of {@link figureNames}. */
export type FigureName = (typeof figureNames)[number];

/** Groups samples by scenario and reduces each figure to median, min and max. */
export function summarizeScenarios(samples: readonly ScenarioSample[]): Record<string, ScenarioSummary> {
  const groups = new Map<string, ScenarioSample[]>();
  for (const sample of samples) groups.set(sample.scenario, [...(groups.get(sample.scenario) ?? []), sample]);
  const out: Record<string, ScenarioSummary> = {};
  for (const [scenario, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const summary: ScenarioSummary = { runs: group.length, median: {}, min: {}, max: {}, attribution: { longFrameScripts: [] }, failures: [] };
    for (const name of figureNames) {
      const values = group.map((sample) => sample.result[name]).filter((value): value is number => typeof value === 'number');
      if (!values.length) continue;
      summary.median[name] = median(values);
      summary.min[name] = Math.min(...values);
      summary.max[name] = Math.max(...values);
    }
    const key: FigureName = group.some((sample) => sample.result.inp !== undefined) ? 'inp' : 'lcp';
    const byKey = [...group].sort((a, b) => (a.result[key] ?? 0) - (b.result[key] ?? 0));
    summary.attribution = byKey[Math.floor((byKey.length - 1) / 2)]!.result.attribution;
    summary.failures = [...new Set(group.flatMap((sample) => sample.failures))];
    out[scenario] = summary;
  }
  return out;
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)}`);

/** A markdown report: one table of figures, then the attribution that explains them. */
export function renderVitalsMarkdown(summaries: Record<string, ScenarioSummary>, context: string): string {
  const lines = [
    '# Playwright performance audit',
    '',
    context,
    '',
    '| scenario | runs | LCP ms | FCP ms | CLS | INP ms | TTFB ms | blocking ms | longest task ms | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [scenario, s] of Object.entries(summaries)) {
    const cls = s.median.cls === undefined ? '–' : s.median.cls.toFixed(3);
    lines.push(
      `| ${scenario} | ${s.runs} | ${ms(s.median.lcp)} | ${ms(s.median.fcp)} | ${cls} | ${ms(s.median.inp)} | ${ms(s.median.ttfb)} | ${ms(s.median.blockingTime)} | ${ms(s.median.longestTask)} | ${s.failures.length ? 'FAIL' : 'ok'} |`,
    );
  }
  lines.push('', '## Attribution', '');
  for (const [scenario, { attribution: a, failures }] of Object.entries(summaries)) {
    lines.push(`### ${scenario}`, '');
    if (a.lcpElement) lines.push(`- LCP element: \`${a.lcpElement}\`${a.lcpUrl ? ` (${a.lcpUrl})` : ''}`);
    if (a.lcpParts) {
      const p = a.lcpParts;
      lines.push(`- LCP parts: TTFB ${ms(p.timeToFirstByte)} ms, load delay ${ms(p.resourceLoadDelay)} ms, load ${ms(p.resourceLoadDuration)} ms, render delay ${ms(p.elementRenderDelay)} ms`);
    }
    if (a.slowestInteraction) {
      const i = a.slowestInteraction;
      lines.push(
        `- Slowest interaction: ${i.type} on \`${i.target}\`, ${ms(i.duration)} ms (input delay ${ms(i.inputDelay)}, processing ${ms(i.processingDuration)}, presentation ${ms(i.presentationDelay)})${i.longestScript ? `; longest script: ${i.longestScript}` : ''}`,
      );
    }
    if (a.largestShift) lines.push(`- Largest layout shift: \`${a.largestShift.target}\` (${a.largestShift.value.toFixed(3)})`);
    if (a.longFrameScripts.length) lines.push(`- Scripts in the longest frames: ${a.longFrameScripts.join('; ')}`);
    for (const failure of failures) lines.push(`- **FAIL** ${failure}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
