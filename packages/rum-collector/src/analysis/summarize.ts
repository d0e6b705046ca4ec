import { THRESHOLDS } from '../thresholds.js';
import type { ParsedFilter } from '../http/parseQueryFilter.js';
import type { PercentileRow, RumStorage } from '../storage/types.js';

/** A route and how far its worst vital is from "good" (p75 / good threshold; > 1 means not good). */
export interface RouteScore {
  route: string;
  /** Max over vitals of p75 / good threshold. */
  score: number;
  rows: PercentileRow[];
}

/** Everything the dashboard shows for one filter, in one round trip. */
export async function summarize(storage: RumStorage, { filter, windowMs }: ParsedFilter) {
  // About 24-60 points per series whatever the window: hourly up to 2 days, daily beyond.
  const bucketMs = windowMs <= 2 * 86_400_000 ? 3_600_000 : 86_400_000;
  const routeFilter = { from: filter.from, to: filter.to };
  const [routes, percentiles, ratings, trend, byRoute, targets, loss] = await Promise.all([
    storage.routes(routeFilter),
    storage.percentiles(filter),
    storage.ratings(filter),
    storage.trend({ ...filter, bucketMs }),
    storage.percentiles({ ...filter, groupBy: ['route'] }),
    storage.topTargets({ ...filter, limit: 10 }),
    storage.deliveryLoss(filter.route === undefined ? routeFilter : { ...routeFilter, route: filter.route }),
  ]);
  return {
    generatedAt: Date.now(),
    from: filter.from,
    to: filter.to,
    bucketMs,
    thresholds: THRESHOLDS,
    routes,
    percentiles,
    ratings,
    trend,
    routeTable: rankRoutes(byRoute),
    targets,
    loss,
  };
}

/** Groups per-route rows and sorts routes worst first. */
export function rankRoutes(rows: readonly PercentileRow[]): RouteScore[] {
  const byRoute = new Map<string, PercentileRow[]>();
  for (const row of rows) {
    const route = row.route ?? '';
    byRoute.set(route, [...(byRoute.get(route) ?? []), row]);
  }
  return [...byRoute]
    .map(([route, list]) => ({
      route,
      rows: list,
      score: Math.max(...list.map((r) => r.p75 / THRESHOLDS[r.metric].good)),
    }))
    .sort((a, b) => b.score - a.score || a.route.localeCompare(b.route));
}
