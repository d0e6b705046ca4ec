/** One `<source>` of a `<picture>`: a MIME type and the srcset the browser may pick from. */
export interface ImageSource {
  /** MIME type, e.g. `image/avif`; browsers skip sources whose type they cannot decode. */
  type: string;
  /** Candidates in `srcset` syntax, e.g. `a-320.avif 320w, a-640.avif 640w`. */
  srcset: string;
  /** Optional media query for art direction. */
  media?: string;
}

/**
 * What to show while the image loads. Several may be given: `color` paints on the server and at once,
 * `lqip` or `thumbhash` replace it as soon as they are available (ThumbHash needs its decoder first).
 */
export interface PlaceholderSource {
  /** A CSS color, usually the image's dominant color. */
  color?: string;
  /** A tiny low-quality image as a `data:` URL, shown blurred. */
  lqip?: string;
  /** A ThumbHash in base64; decoded in the browser by a lazily loaded decoder (about 1 kB). */
  thumbhash?: string;
}

/**
 * How to judge the network. `auto` reads Save-Data and `navigator.connection.effectiveType`;
 * `constrained` and `fast` let the app decide (e.g. from a user setting).
 */
export type NetworkMode = 'auto' | 'fast' | 'constrained';

/** What an `import x from './photo.jpg?responsive'` gives (see `@pronto/lazy-image/vite`); spread it into `<LazyImage>`. */
export interface ResponsiveImage {
  /** URL of the largest candidate in the original format. */
  src: string;
  /** Intrinsic width of the source image, after EXIF rotation. */
  width: number;
  /** Intrinsic height of the source image, after EXIF rotation. */
  height: number;
  /** One srcset per format, best first (AVIF, WebP, then the original format). */
  sources: ImageSource[];
  /** ThumbHash and dominant color; absent when the plugin's `placeholder` option is off. */
  placeholder?: { thumbhash: string; color: string };
}
