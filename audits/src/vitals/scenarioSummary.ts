import type { VitalsResult } from './types.js';

/** One scenario's candidate runs: medians and spread of its timings (for the report) and its deterministic facts. */
export interface ScenarioSummary {
  runs: number;
  median: Partial<Record<FigureName, number>>;
  min: Partial<Record<FigureName, number>>;
  max: Partial<Record<FigureName, number>>;
  /** Attribution of the first candidate run (web-vitals attribution: LCP parts, slowest interaction, shifts). */
  attribution: VitalsResult['attribution'];
  failures: string[];
  /** The deterministic figures, gated exactly against the baseline. */
  facts?: ScenarioFacts;
}

/** What does not move between runs of one build at a fixed viewport. */
export interface ScenarioFacts {
  /** The largest CLS of the runs (at most one value when the page is stable). */
  cls: number;
  lcpElement?: string;
  /** The build's own files the visit requested (see readPageFacts.ts), and their compressed bytes. */
  requests: number;
  bytes: number;
  /** Every request and its bytes, images and API answers included (shown, not gated). */
  allRequests: number;
  allBytes: number;
  renderBlocking: string[];
}

/** The figures a scenario can report, in table order. */
export const figureNames = ['lcp', 'fcp', 'cls', 'inp', 'ttfb', 'blockingTime', 'longestTask'] as const;
/** One of {@link figureNames}. */
export type FigureName = (typeof figureNames)[number];
