import path from 'node:path';

/** An output format; `original` keeps the source's own format (JPEG stays JPEG, PNG stays PNG). */
export type ResponsiveFormat = 'avif' | 'webp' | 'original';

/** Options of the `responsiveImages()` Vite plugin. */
export interface ResponsiveImagesOptions {
  /**
   * Candidate widths in px. Widths above the source's are skipped; the source width is added when it
   * lies below the largest, so big screens still get full resolution.
   * @default [320, 640, 960, 1280, 1920]
   */
  widths?: number[];
  /**
   * Formats, best first; each becomes one `<source>`.
   * @default ['avif', 'webp', 'original']
   */
  formats?: ResponsiveFormat[];
  /**
   * Encoder quality per output format (1-100).
   * @default { avif: 50, webp: 75, jpeg: 78, png: 80 }
   */
  quality?: Partial<Record<'avif' | 'webp' | 'jpeg' | 'png', number>>;
  /**
   * Compute a ThumbHash and the dominant color as the placeholder.
   * @default true
   */
  placeholder?: boolean;
  /**
   * Where encoded images are kept between builds, keyed by a hash of the source bytes and these options.
   * Relative paths resolve against Vite's `root`.
   * @default '<Vite cacheDir>/pronto-lazy-image' (Vite's `cacheDir` defaults to `node_modules/.vite`)
   */
  cacheDir?: string;
  /**
   * The import query that selects images for the pipeline (`./a.jpg?responsive`).
   * @default 'responsive'
   */
  query?: string;
}

/** Options after defaults. */
export interface ResolvedResponsiveImagesOptions {
  widths: number[];
  formats: ResponsiveFormat[];
  quality: Record<'avif' | 'webp' | 'jpeg' | 'png', number>;
  placeholder: boolean;
  cacheDir: string;
  query: string;
}

/**
 * Applies defaults and rejects values that would silently produce nothing. `viteCacheDir` is Vite's resolved
 * `cacheDir`, so the encoded files live wherever the project keeps Vite's own cache (and are cleared with it).
 */
export function resolveOptions(
  options: ResponsiveImagesOptions,
  root: string,
  viteCacheDir = path.join(root, 'node_modules/.vite'),
): ResolvedResponsiveImagesOptions {
  const widths = [...new Set(options.widths ?? [320, 640, 960, 1280, 1920])].sort((a, b) => a - b);
  if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w <= 0)) {
    throw new Error(`@pronto/lazy-image/vite: widths must be positive integers, got ${JSON.stringify(options.widths)}`);
  }
  const formats = options.formats ?? ['avif', 'webp', 'original'];
  const known: ResponsiveFormat[] = ['avif', 'webp', 'original'];
  if (formats.length === 0 || formats.some((f) => !known.includes(f))) {
    throw new Error(
      `@pronto/lazy-image/vite: formats must be some of ${known.join(', ')}, got ${JSON.stringify(formats)}`,
    );
  }
  const quality = { avif: 50, webp: 75, jpeg: 78, png: 80, ...options.quality };
  for (const [format, value] of Object.entries(quality)) {
    if (!(value >= 1 && value <= 100))
      throw new Error(`@pronto/lazy-image/vite: quality.${format} must be 1-100, got ${value}`);
  }
  return {
    widths,
    formats: [...new Set(formats)],
    quality,
    placeholder: options.placeholder ?? true,
    cacheDir:
      options.cacheDir === undefined
        ? path.join(viteCacheDir, 'pronto-lazy-image')
        : path.resolve(root, options.cacheDir),
    query: options.query ?? 'responsive',
  };
}
