export { createRum } from './createRumWithAttribution.js';
export { resolveRoute } from './lib/resolveRoute.js';
export type * from './types.js';
