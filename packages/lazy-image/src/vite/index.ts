export { responsiveImages } from './responsiveImages.js';
export type { ResponsiveImagesOptions, ResolvedResponsiveImagesOptions, ResponsiveFormat } from './resolveOptions.js';
export type { ResponsiveImage } from '../types.js';
