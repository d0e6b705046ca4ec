import { formatFigure, type Comparison } from '../baseline/compareFigures.js';
import type { Baseline, Figure } from '../baseline/types.js';
import type { LighthouseAuditResult } from '../lighthouse/auditLighthouse.js';
import type { CategoryId, LighthouseRunConfig, VitalsLimits } from '../types.js';
import type { ScenarioSummary } from '../vitals/scenarioSummary.js';
import type { TimingsReport } from '../cli/timings.js';
import { formatTiming } from '../compare/describeJudgement.js';
import { comparisonBars, escapeHtml, scoreGauge } from './svg.js';

/** Everything the report shows; any part may be missing (a step that did not run). */
export interface AuditReportInput {
  generatedAt: string;
  /** One line per failed gate or regression, shown first. */
  failures: string[];
  figures: Figure[];
  baseline?: Baseline | undefined;
  comparisons: Comparison[];
  lighthouse?: LighthouseAuditResult | undefined;
  lighthouseRuns: readonly LighthouseRunConfig[];
  vitals?: Record<string, ScenarioSummary> | undefined;
  vitalsLimits: Readonly<Record<string, VitalsLimits>>;
  sizes?: { budgets: { name: string; size: number; sizeLimit: number; passed: boolean }[] } | undefined;
  /** The A/B timing gates' evidence (reports/timings/results.json). */
  timings?: TimingsReport | undefined;
  /** Machine note (cores, load) printed next to the figures. */
  machine: string;
}

const categories: CategoryId[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One self-contained HTML page: sizes, Lighthouse and vitals next to the baseline, with inline SVG charts. */
export function renderAuditReport(input: AuditReportInput): string {
  const byId = new Map(input.comparisons.map((comparison) => [comparison.id, comparison]));
  const figure = new Map(input.figures.map((item) => [item.id, item]));
  const row = (id: string, label: string, limit?: number) => {
    const current = figure.get(id);
    if (!current) return '';
    const comparison = byId.get(id);
    const base = input.baseline?.figures[id]?.value;
    const delta = base === undefined ? '' : signed(current.kind, current.value - base);
    const spread =
      current.min !== undefined && current.max !== undefined
        ? ` <span class="muted">(${formatFigure(current.kind, current.min)}–${formatFigure(current.kind, current.max)})</span>`
        : '';
    // A score's limit is a minimum; every other figure's is a maximum.
    const missesLimit =
      limit !== undefined && (current.kind === 'score' ? current.value < limit : current.value > limit);
    const status = comparison?.regressed
      ? '<span class="bad">regressed</span>'
      : missesLimit
        ? `<span class="bad">${current.kind === 'score' ? 'under' : 'over'} limit</span>`
        : '<span class="good">ok</span>';
    return `<tr><th scope="row">${escapeHtml(label)}</th><td>${formatFigure(current.kind, current.value)}${spread}</td><td>${base === undefined ? '–' : formatFigure(current.kind, base)}</td><td>${delta}</td><td>${limit === undefined ? '–' : formatFigure(current.kind, limit)}</td><td>${comparisonBars({ current: current.value, baseline: base, limit, regressed: (comparison?.regressed ?? false) || missesLimit })}</td><td>${status}</td></tr>`;
  };

  // An identity (the LCP element, the render-blocking list) is the same or it changed.
  const identityRow = (id: string, label: string) => {
    const current = figure.get(id);
    if (!current) return '';
    const base = input.baseline?.figures[id]?.text;
    const status = byId.get(id)?.regressed ? '<span class="bad">changed</span>' : '<span class="good">ok</span>';
    return `<tr><th scope="row">${escapeHtml(label)}</th><td><code>${escapeHtml(current.text ?? '')}</code></td><td>${base === undefined ? '–' : `<code>${escapeHtml(base)}</code>`}</td><td></td><td>–</td><td></td><td>${status}</td></tr>`;
  };

  const sections: string[] = [];
  if (input.sizes) {
    const budgetRows = input.sizes.budgets.map((budget) =>
      row(`size:budget:${budget.name}`, `${budget.name} (budget)`, budget.sizeLimit),
    );
    const chunkRows = input.figures
      .filter((item) => item.id.startsWith('size:chunk:'))
      .sort((a, b) => b.value - a.value)
      .map((item) => row(item.id, item.id.slice('size:chunk:'.length)));
    sections.push(
      `<section><h2>Bundle sizes (brotli)</h2>${table([...budgetRows, ...chunkRows])}<p class="muted">Treemap: <a href="../bundle/treemap.html">reports/bundle/treemap.html</a></p></section>`,
    );
  }
  if (input.lighthouse) {
    const targets = input.lighthouse.targets.map((target) => {
      const run = input.lighthouseRuns.find((candidate) => candidate.id === target.id);
      const gauges = categories
        .filter((name) => target.summary.scores[name] !== undefined)
        .map((name) => scoreGauge(name, target.summary.scores[name], run?.minScores[name]))
        .join('');
      // Deterministic figures only: the timings of these runs are judged A/B (the section below).
      const scores = categories.map((name) =>
        row(`lighthouse:${target.id}:${name}`, `${name} score`, run?.minScores[name]),
      );
      const cls = row(`lighthouse:${target.id}:cls`, 'CLS', run?.maxMetrics.cls);
      const lcp = target.summary.lcpElement
        ? `<p>LCP element: <code>${escapeHtml(target.summary.lcpElement)}</code></p>`
        : '';
      const timings = (['fcp', 'lcp', 'tbt', 'si'] as const)
        .filter((name) => target.summary.metrics[name] !== undefined)
        .map((name) => `${name.toUpperCase()} ${Math.round(target.summary.metrics[name]!)} ms`);
      const judged = `${escapeHtml(target.id)}-${target.judgedRun ?? 1}.report.html`;
      return `<article><h3>${escapeHtml(target.id)} <span class="muted">${escapeHtml(target.formFactor)} ${escapeHtml(target.route)}${target.warm ? ' (warm, through the service worker)' : ''}, ${target.samples.length} run(s), median</span></h3><div class="gauges">${gauges}</div>${lcp}${table([...scores, cls])}<p class="muted">Timings of the judged run (gated A/B below, not here): ${timings.join(', ') || '–'}. <a href="../lighthouse/${judged}">Lighthouse report of the judged run</a> (run ${target.judgedRun ?? 1} of ${target.samples.length}: the one whose performance score is the median)</p></article>`;
    });
    sections.push(`<section><h2>Lighthouse</h2>${targets.join('')}</section>`);
  }
  if (input.vitals) {
    const scenarios = Object.entries(input.vitals).map(([scenario, summary]) => {
      const limits = input.vitalsLimits[scenario] ?? {};
      const rows = (['cls', 'requests', 'bytes', 'renderBlocking', 'lcpElement'] as const).map((name) =>
        name === 'renderBlocking' || name === 'lcpElement'
          ? identityRow(`vitals:${scenario}:${name}`, name)
          : row(`vitals:${scenario}:${name}`, name, name === 'cls' ? limits.cls : undefined),
      );
      const downloads = summary.facts
        ? `All requests (not gated): ${summary.facts.allRequests}, ${summary.facts.allBytes} B. `
        : '';
      const medians = Object.entries(summary.median)
        .filter(([name]) => name !== 'cls')
        .map(([name, value]) => `${name} ${Math.round(value)} ms`);
      const a = summary.attribution;
      const notes = [
        a.lcpElement ? `LCP element: <code>${escapeHtml(a.lcpElement)}</code>` : '',
        a.slowestInteraction
          ? `Slowest interaction: ${escapeHtml(a.slowestInteraction.type)} on <code>${escapeHtml(a.slowestInteraction.target)}</code>, ${Math.round(a.slowestInteraction.duration)} ms`
          : '',
        a.largestShift
          ? `Largest shift: <code>${escapeHtml(a.largestShift.target)}</code> (${a.largestShift.value.toFixed(3)})`
          : '',
      ].filter(Boolean);
      return `<article><h3>${escapeHtml(scenario)} <span class="muted">${summary.runs} candidate run(s)</span></h3>${notes.length ? `<ul>${notes.map((note) => `<li>${note}</li>`).join('')}</ul>` : ''}${table(rows)}<p class="muted">${downloads}Candidate medians (gated A/B below): ${escapeHtml(medians.join(', ') || '–')}</p></article>`;
    });
    sections.push(
      `<section><h2>Playwright scenarios: deterministic figures (412x823, 4x CPU, slow 4G)</h2>${scenarios.join('')}</section>`,
    );
  }
  if (input.timings) sections.push(renderTimings(input.timings));
  const status = input.failures.length
    ? `<div class="banner bad-banner"><strong>${input.failures.length} problem(s)</strong><ul>${input.failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join('')}</ul></div>`
    : input.baseline
      ? '<div class="banner good-banner"><strong>Every gate holds and no figure regressed past its tolerance.</strong></div>'
      : // Without a baseline nothing was compared: say so rather than claim that nothing regressed.
        '<div class="banner good-banner"><strong>Every gate holds. No baseline yet, so no figure was compared: run <code>npm run audit:update-baseline</code>.</strong></div>';
  const baselineNote = input.baseline
    ? `Baseline of ${escapeHtml(input.baseline.updatedAt)}.`
    : 'No baseline yet (`npm run audit:update-baseline`).';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pronto performance audit</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}h3{font-size:1.05rem;margin-bottom:.4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{white-space:nowrap;text-align:left;padding:.2rem .5rem;border-bottom:1px solid #eee;vertical-align:middle;font-variant-numeric:tabular-nums}
th[scope=row]{white-space:normal}thead th{font-weight:600;color:#555;font-size:.85rem}.muted{color:#666;font-weight:normal}.good{color:#0c7d3f}.bad{color:#c5221f;font-weight:600}
.banner{padding:.75rem 1rem;border-radius:6px;margin:1rem 0}.good-banner{background:#e6f4ea}.bad-banner{background:#fce8e6}
.gauges{display:flex;gap:1rem;flex-wrap:wrap}.gauge{margin:0;text-align:center;font-size:.8rem}code{font-size:.85em;word-break:break-all;white-space:normal}
</style></head><body>
<h1>Pronto performance audit</h1>
<p class="muted">Generated ${escapeHtml(input.generatedAt)}. ${baselineNote} ${escapeHtml(input.machine)}</p>
${status}
${sections.join('\n')}
</body></html>
`;
}

/** The A/B evidence: both builds' samples, the shift with its interval, the margin, and why sampling stopped. */
function renderTimings(report: TimingsReport): string {
  const articles = report.comparisons.map((comparison) => {
    const rows = Object.entries(comparison.figures).map(([name, judged]) => {
      const f = (value: number) => formatTiming(name, value);
      const verdict =
        judged.verdict === 'fail'
          ? '<span class="bad">FAIL</span>'
          : judged.verdict === 'pass'
            ? '<span class="good">pass</span>'
            : '<span class="muted">undecided (passes)</span>';
      const limit =
        judged.rule.limit === undefined
          ? '–'
          : `${judged.rule.worse === 'higher' ? '≤' : '≥'} ${f(judged.rule.limit)} (${judged.limit})`;
      return `<tr><th scope="row">${escapeHtml(name)}</th><td>${judged.reference.samples.map(f).join(', ')}</td><td>${judged.candidate.samples.map(f).join(', ')}</td><td>${f(judged.worseBy.estimate)} [${f(judged.worseBy.low)}, ${f(judged.worseBy.high)}]</td><td>${f(judged.allowed)}</td><td>${limit}</td><td>${verdict}</td></tr>`;
    });
    const extra = [
      comparison.cause ? `Cause: ${escapeHtml(comparison.cause)}.` : '',
      comparison.cpuSlowdownMultiplier !== undefined
        ? `CPU slowdown ${comparison.cpuSlowdownMultiplier}x (benchmark index ${Math.round(comparison.benchmarkIndex ?? 0)}).`
        : '',
      comparison.judgedReport
        ? `<a href="../timings/lighthouse/${escapeHtml(comparison.judgedReport.split('/').pop() ?? '')}">Lighthouse report of the judged candidate run</a>.`
        : '',
    ].filter(Boolean);
    return `<article><h3>${escapeHtml(comparison.id)} <span class="muted">${comparison.runs.reference} + ${comparison.runs.candidate} runs; stopped: ${escapeHtml(comparison.stoppedBecause)}</span></h3><table><thead><tr><th>figure</th><th>reference runs</th><th>candidate runs</th><th>worse by [95 % interval]</th><th>allowed</th><th>limit</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>${extra.length ? `<p class="muted">${extra.join(' ')}</p>` : ''}</article>`;
  });
  return `<section><h2>Timings A/B against the reference ${escapeHtml(report.reference.commit.slice(0, 12))} <span class="muted">(${escapeHtml(report.reference.ref)})</span></h2><p class="muted">Both builds run alternately on this machine. A figure fails only when the whole interval is past the allowed regression, or when the candidate's median misses its limit with confidence.</p>${articles.join('')}</section>`;
}

function table(rows: string[]): string {
  return `<table><thead><tr><th>figure</th><th>current</th><th>baseline</th><th>change</th><th>limit</th><th>chart (grey: baseline, dashed: limit)</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function signed(kind: Figure['kind'], change: number): string {
  if (change === 0) return '0';
  const text = formatFigure(kind, Math.abs(change));
  return change > 0 ? `+${text}` : `−${text}`;
}
