import type { CategoryId, LighthouseMetrics } from '../types.js';

/** The parts of a Lighthouse result (LHR) we read; typed loosely so fixtures and real results both fit. */
export interface LhrLike {
  finalDisplayedUrl?: string;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    | {
        id: string;
        title: string;
        score: number | null;
        scoreDisplayMode?: string;
        displayValue?: string;
        numericValue?: number;
        details?: unknown;
      }
    | undefined
  >;
}

/** One audit that cost points, for a failure message a person can act on. */
export interface AuditFinding {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** Selectors or URLs of the offending items (first few). */
  items: string[];
}

/** What one Lighthouse run measured. */
export interface LighthouseSummary {
  url: string;
  scores: Partial<Record<CategoryId, number>>;
  metrics: Partial<LighthouseMetrics>;
  /** CSS selector (with a text snippet) of the LCP element, when Lighthouse found one. */
  lcpElement?: string;
  /** Elements that shifted most (for a CLS failure). */
  shiftElements: string[];
  /** Scripts behind the longest main-thread tasks (for a TBT failure). */
  longTaskSources: string[];
  /** Lighthouse's measure of the CPU at the time of the run; it drops when other work competes for the CPU. */
  benchmarkIndex?: number;
  /** Audits under 1 (or failed binary audits), per category, worst first. */
  findings: Partial<Record<CategoryId, AuditFinding[]>>;
}

const metricAudits: Record<keyof LighthouseMetrics, string> = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

const categoryIds: readonly CategoryId[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Reduces a full LHR (megabytes) to the figures the gates, the baseline and the report use. */
export function summarizeLhr(lhr: LhrLike): LighthouseSummary {
  if (lhr.runtimeError)
    throw new Error(`Lighthouse could not audit the page: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const summary: LighthouseSummary = {
    url: lhr.finalDisplayedUrl ?? '',
    scores: {},
    metrics: {},
    findings: {},
    shiftElements: unique(itemsOf(lhr.audits['layout-shifts']?.details)).slice(0, 3),
    longTaskSources: unique(itemsOf(lhr.audits['long-tasks']?.details)).slice(0, 3),
  };
  for (const id of categoryIds) {
    const category = lhr.categories[id];
    if (!category || category.score === null) continue;
    summary.scores[id] = category.score;
    // Worst first by the points each audit cost (weight x missing score); weight-0 insights come last.
    const findings = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(
        ({ audit }) =>
          audit !== undefined && audit.score !== null && audit.score < 1 && isScored(audit.scoreDisplayMode),
      )
      .map(({ ref, audit }) => ({ lost: ref.weight * (1 - (audit!.score ?? 0)), finding: toFinding(audit!) }))
      .sort((a, b) => b.lost - a.lost || a.finding.score - b.finding.score)
      .map(({ finding }) => finding);
    if (findings.length) summary.findings[id] = findings;
  }
  if (typeof lhr.environment?.benchmarkIndex === 'number') summary.benchmarkIndex = lhr.environment.benchmarkIndex;
  for (const [name, auditId] of Object.entries(metricAudits) as [keyof LighthouseMetrics, string][]) {
    const value = lhr.audits[auditId]?.numericValue;
    if (typeof value === 'number') summary.metrics[name] = value;
  }
  const lcpElement = itemsOf(lhr.audits['largest-contentful-paint-element']?.details)[0];
  if (lcpElement) summary.lcpElement = lcpElement;
  return summary;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isScored(mode: string | undefined): boolean {
  return mode === undefined || mode === 'numeric' || mode === 'binary' || mode === 'metricSavings';
}

function toFinding(audit: NonNullable<LhrLike['audits'][string]>): AuditFinding {
  const finding: AuditFinding = {
    id: audit.id,
    title: audit.title,
    score: audit.score ?? 0,
    items: itemsOf(audit.details).slice(0, 3),
  };
  if (audit.displayValue) finding.displayValue = audit.displayValue;
  return finding;
}

/** Pulls human-readable identifiers (selector + snippet, or URL) out of an audit's details table(s). */
function itemsOf(details: unknown): string[] {
  if (!details || typeof details !== 'object') return [];
  const record = details as { type?: string; items?: unknown[] };
  if (!Array.isArray(record.items)) return [];
  const out: string[] = [];
  for (const item of record.items) {
    if (!item || typeof item !== 'object') continue;
    const row = item as Record<string, unknown>;
    // LCP-element details nest a table inside a list.
    if (row.type === 'table' || row.type === 'list') {
      out.push(...itemsOf(row));
      continue;
    }
    const node = (row.node ?? row.element) as { selector?: string; snippet?: string } | undefined;
    if (node?.selector) out.push(node.snippet ? `${node.selector} ${node.snippet}` : node.selector);
    else if (typeof row.url === 'string') out.push(row.url);
    else if (
      typeof row.source === 'object' &&
      row.source &&
      typeof (row.source as { url?: unknown }).url === 'string'
    ) {
      out.push((row.source as { url: string }).url);
    }
  }
  return out;
}
