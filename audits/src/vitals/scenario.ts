import type { BrowserContext, Page } from '@playwright/test';

/** A web-vitals metric a scenario must report. */
export type MetricName = 'LCP' | 'FCP' | 'CLS' | 'INP' | 'TTFB';

/** One measured visit of the app (audits/scenarios.ts lists them). */
export interface Scenario {
  /** Unique, file-name safe: names the figures (`vitals:<id>:lcp`) and the limits in audit.config.ts. */
  id: string;
  /** What a person does, in words, for the report. */
  title: string;
  /** Metrics the visit must produce; the run fails when one is missing. */
  expect: readonly MetricName[];
  /**
   * Part of the short A/B set of `npm test` (`--ci`). Every scenario still runs once there for its deterministic
   * figures (CLS, LCP element, downloads). @default false
   */
  ci?: boolean;
  /**
   * Also compare the visit's main-thread CPU time (unthrottled, from a trace): the startup of a page, or with
   * `markInteractions()` the handlers of its interactions. @default false
   */
  cpu?: boolean;
  /** Unmeasured set-up in the same browser context (install the service worker, warm a cache). @default none */
  prepare?(context: BrowserContext, origin: string): Promise<void>;
  /**
   * The measured visit. Call `markInteractions()` where the interactions start: long tasks and CPU time are
   * then counted from there (without it, from the navigation).
   */
  visit(page: Page, origin: string, markInteractions: () => Promise<void>): Promise<void>;
}
