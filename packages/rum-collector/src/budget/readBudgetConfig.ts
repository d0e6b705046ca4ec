import { VITAL_NAMES, type DeviceClass, type VitalName } from '../beacon.js';

/** One field budget: the p75 of `metric` on `route` must stay at or under `p75`. */
export interface Budget {
  /** Route template, or "*" for every route (each checked on its own). */
  route: string;
  metric: VitalName;
  /** Largest allowed p75 (ms; unitless for CLS). */
  p75: number;
  /** Only this device class. @default every class */
  deviceClass?: DeviceClass;
}

/** Contents of rum-budgets.json. */
export interface BudgetConfig {
  budgets: Budget[];
  /** Fewer samples than this make a route "no data" instead of pass/fail. @default 20 */
  minSamples?: number;
}

function fail(msg: string): never {
  throw new Error(`rum-budgets: ${msg}`);
}

/** Checks a parsed rum-budgets.json and returns it typed; throws an Error naming the bad entry. */
export function readBudgetConfig(value: unknown): BudgetConfig {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as BudgetConfig).budgets)) {
    fail('expected { "budgets": [{ "route", "metric", "p75" }] }');
  }
  const config = value as BudgetConfig;
  if (config.minSamples !== undefined && !(Number.isInteger(config.minSamples) && config.minSamples >= 0)) {
    fail('minSamples must be an integer >= 0');
  }
  config.budgets.forEach((b, i) => {
    if (typeof b !== 'object' || b === null) fail(`budgets[${i}] must be an object`);
    if (typeof b.route !== 'string' || b.route === '') fail(`budgets[${i}].route must be a route template or "*"`);
    if (!VITAL_NAMES.includes(b.metric)) fail(`budgets[${i}].metric must be one of ${VITAL_NAMES.join(', ')}`);
    if (typeof b.p75 !== 'number' || !Number.isFinite(b.p75) || b.p75 < 0)
      fail(`budgets[${i}].p75 must be a number >= 0`);
    if (b.deviceClass !== undefined && !['mobile', 'tablet', 'desktop'].includes(b.deviceClass)) {
      fail(`budgets[${i}].deviceClass must be mobile, tablet or desktop`);
    }
  });
  return config;
}
