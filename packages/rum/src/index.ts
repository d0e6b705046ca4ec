export { createRum } from './createRum.js';
export { resolveRoute } from './lib/resolveRoute.js';
export type * from './types.js';
