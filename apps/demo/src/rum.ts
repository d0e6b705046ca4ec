import { createRum } from '@pronto/rum';

/**
 * Field data for the demo: web-vitals and app timings, sent to the collector that the demo server mounts
 * at /rum (dashboard at /rum/). Created at module level so the vitals observers start with the page.
 */
export const rum = createRum({
  endpoint: '/rum/collect',
  appVersion: __BUILD_ID__.slice(0, 64),
  // `/items/123` and `/items/456` are one page type for the dashboard.
  resolveRoute: (url) => url.pathname.replace(/^\/items\/\d+\/?$/, '/items/:id'),
});
