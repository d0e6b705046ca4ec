import sharp from 'sharp';
import { createPlaceholder, type GeneratedPlaceholder } from './createPlaceholder.js';
import type { ResolvedResponsiveImagesOptions } from './resolveOptions.js';

/** An encoded format sharp can write, with its MIME type and file extension. */
type Encoding = 'avif' | 'webp' | 'jpeg' | 'png';

const MIME: Record<Encoding, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };
const EXT: Record<Encoding, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

/** One encoded file. */
export interface ImageVariant {
  format: Encoding;
  mime: string;
  width: number;
  fileName: string;
  data: Buffer;
}

/** Everything the pipeline makes from one source image. */
export interface GeneratedImage {
  width: number;
  height: number;
  /** Grouped by format in the configured order; widths ascending inside a format. */
  variants: ImageVariant[];
  placeholder: GeneratedPlaceholder | undefined;
}

/** The widths to encode for a source `sourceWidth` px wide. */
export function candidateWidths(widths: readonly number[], sourceWidth: number): number[] {
  const fitting = widths.filter((w) => w < sourceWidth);
  // The source width itself is the last candidate, so no screen gets less than the source offers.
  if ((widths.at(-1) ?? 0) >= sourceWidth) fitting.push(sourceWidth);
  return fitting;
}

function originalEncoding(format: string | undefined): Encoding {
  if (format === 'jpeg' || format === 'png' || format === 'webp' || format === 'avif') return format;
  if (format === 'heif') return 'avif';
  // GIF, TIFF, SVG...: browsers either cannot show them or should not get them as photos; JPEG is the safe original.
  return 'jpeg';
}

/**
 * Encodes `input` at every configured width and format and computes its placeholder.
 * `baseName` names the files (`hero` gives `hero-640.avif`).
 */
export async function generateResponsiveImage(
  input: Buffer,
  baseName: string,
  options: ResolvedResponsiveImagesOptions,
): Promise<GeneratedImage> {
  const meta = await sharp(input).metadata();
  if (!meta.width || !meta.height) throw new Error(`@pronto/lazy-image/vite: cannot read the size of ${baseName}`);
  // EXIF orientations 5-8 rotate by 90 degrees: the displayed width is the stored height.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  const encodings = [...new Set(options.formats.map((f) => (f === 'original' ? originalEncoding(meta.format) : f)))];
  const widths = candidateWidths(options.widths, width);

  const variants: ImageVariant[] = [];
  for (const format of encodings) {
    for (const w of widths) {
      const data = await sharp(input)
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .toFormat(format, { quality: options.quality[format] })
        .toBuffer();
      variants.push({ format, mime: MIME[format], width: w, fileName: `${baseName}-${w}.${EXT[format]}`, data });
    }
  }
  const placeholder = options.placeholder ? await createPlaceholder(input) : undefined;
  return { width, height, variants, placeholder };
}
