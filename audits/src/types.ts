import type { SamplingPlan } from './compare/sampleAlternately.js';
import type { TimingRule } from './stats/judgeTiming.js';

/** Lighthouse's emulation presets: mobile (Moto G Power, simulated slow 4G, 4x CPU) and desktop. */
export type FormFactor = 'mobile' | 'desktop';

/** The four Lighthouse 12 categories (the PWA category was removed in 12.0). */
export type CategoryId = 'performance' | 'accessibility' | 'best-practices' | 'seo';

/** The Lighthouse metrics we gate on, in milliseconds except `cls` (unitless). */
export interface LighthouseMetrics {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
}

/** Minimum scores, 0..1, per category. */
export type CategoryMinimums = Partial<Record<CategoryId, number>>;

/** Upper limits per metric. */
export type MetricLimits = Partial<LighthouseMetrics>;

/** One Lighthouse audit of one route with one preset, and what it must reach. */
export interface LighthouseRunConfig {
  /** Unique, file-name safe: it names the report files and the baseline keys. */
  id: string;
  /** Path on the audited origin, e.g. `/items/1`. */
  route: string;
  formFactor: FormFactor;
  /**
   * A repeat visit: the page is loaded once, the service worker takes control, then Lighthouse audits with
   * `disableStorageReset` so caches and the SW stay.
   * @default false
   */
  warm?: boolean;
  /** Part of the short CI set (`--ci`); every run is part of the full audit. @default false */
  ci?: boolean;
  /** Categories to audit; fewer is faster. @default all four */
  categories?: readonly CategoryId[];
  /** Lighthouse audit ids to limit the run to (gate tests); overrides `categories`. @default all */
  onlyAudits?: readonly string[];
  minScores: CategoryMinimums;
  maxMetrics: MetricLimits;
}

/** Thresholds a Playwright vitals scenario must meet (ms except `cls`). */
export interface VitalsLimits {
  lcp?: number;
  fcp?: number;
  cls?: number;
  inp?: number;
  ttfb?: number;
  /** Sum of (long task duration - 50 ms) during the scenario's interactions: a TBT for a window of time. */
  blockingTime?: number;
  /** The single longest main-thread task seen. */
  longestTask?: number;
}

/** Rules of the A/B timing gates, per figure of each kind of target (see audit.config.ts). */
export interface TimingRules {
  lighthouse: Partial<Record<'performance' | keyof LighthouseMetrics, TimingRule>>;
  vitals: Partial<Record<'lcp' | 'fcp' | 'inp' | 'blockingTime' | 'longestTask', TimingRule>>;
  cpu: { cpuMs: TimingRule; scriptMs: TimingRule; handlersMs: TimingRule };
}

/** Sampling plans of the A/B timing gates, per kind of target. */
export interface TimingSampling {
  lighthouse: SamplingPlan;
  vitals: SamplingPlan;
  cpu: SamplingPlan;
}

/** How far a figure may move in the bad direction before the baseline check fails. */
export interface Tolerance {
  /** Absolute slack in the figure's unit (bytes, ms, score points 0..1, CLS units). */
  absolute: number;
  /** Relative slack as a fraction of the baseline (0.2 = 20 %); the larger of the two wins. @default 0 */
  relative?: number;
}

/** Where the audited app's production build is, as paths relative to the folder that holds audits/. */
export interface AppBuild {
  /** The client build (Vite's outDir) the server serves. */
  distDir: string;
  /** The compiled server module; it exports `createDemoServer({ distDir, dataDir, port, host })`. */
  serverModule: string;
}
