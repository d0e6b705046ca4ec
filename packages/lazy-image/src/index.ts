export { LazyImage, type LazyImageProps } from './LazyImage.js';
export type { ImageSource, NetworkMode, PlaceholderSource, ResponsiveImage } from './types.js';
export { capSrcSet } from './capSrcSet.js';
export { isConstrainedNetwork, type ConnectionLike } from './isConstrainedNetwork.js';
export { parseSrcSet, formatSrcSet, type SrcSetCandidate } from './parseSrcSet.js';
export { describeBoxError, resolveBox, type BoxInput, type ResolvedBox } from './resolveBox.js';
export { resolveLoading, type LoadingInput, type LoadingStrategy } from './resolveLoading.js';
export { overlapSeconds } from './scrollLookahead.js';
