// The initializer package owns this helper; the monorepo tools use the same one.
export { tarballsIn } from '../../packages/create-pronto/src/tarballsIn.mjs';
