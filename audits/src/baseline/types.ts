/** What a figure measures, which picks its tolerance in audit.config.ts. */
export type FigureKind = 'bytes' | 'score' | 'labTime' | 'fieldTime' | 'cls';

/** One tracked number: a chunk's brotli size, a Lighthouse score or metric, a Playwright vital. */
export interface Figure {
  /** Stable id, e.g. `size:chunk:react-vendor.js`, `lighthouse:mobile-catalog:lcp`, `vitals:first-load:lcp`. */
  id: string;
  kind: FigureKind;
  value: number;
  /** Spread of the runs behind the value (when several), to show next to it. */
  min?: number;
  max?: number;
}

/** audits/baseline.json */
export interface Baseline {
  /** When and how it was last updated (a person reads this before trusting it). */
  updatedAt: string;
  note: string;
  figures: Record<string, Omit<Figure, 'id'>>;
}
