/** What a figure measures, which picks its tolerance in audit.config.ts. */
export type FigureKind = 'bytes' | 'score' | 'cls' | 'count' | 'identity';

/** One deterministic figure: a chunk's brotli size, a category score, a request count, CLS, the LCP element. */
export interface Figure {
  /** Stable id, e.g. `size:chunk:react-vendor.js`, `lighthouse:mobile-catalog:lcp`, `vitals:first-load:lcp`. */
  id: string;
  kind: FigureKind;
  value: number;
  /** For an `identity` figure (the LCP element, the render-blocking list): what it is; `value` is unused. */
  text?: string;
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
  /** The commit whose build is the reference of the A/B timing gates (`--against` overrides it). */
  reference?: { commit: string };
  /** Lighthouse's CPU benchmark index when the limits were last checked: later runs scale their CPU slowdown to it. */
  benchmarkIndex?: number;
}
