import type { Plugin } from 'vite';
import { HERO_SIZES } from '../src/heroSizes';

/**
 * Adds `<link rel="preload" as="image">` for the catalog's hero (its LCP element) to index.html. Without it
 * the browser finds the image only after the entry and route chunks have run: most of the first load's LCP
 * on a slow network. Uses the AVIF widths the responsive-image plugin emitted, so the hint and the
 * `<picture>` choose the same file.
 */
export function preloadHeroImage(): Plugin {
  return {
    name: 'pronto:preload-hero-image',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const candidates = Object.keys(context.bundle ?? {})
          .map((fileName) => ({ fileName, width: /(?:^|\/)hero-(\d+)-[\w-]+\.avif$/.exec(fileName)?.[1] }))
          .filter((asset): asset is { fileName: string; width: string } => asset.width !== undefined)
          .sort((a, b) => Number(a.width) - Number(b.width));
        if (candidates.length === 0) return [];
        return [
          {
            tag: 'link',
            injectTo: 'head',
            attrs: {
              rel: 'preload',
              as: 'image',
              type: 'image/avif',
              fetchpriority: 'high',
              imagesrcset: candidates.map(({ fileName, width }) => `/${fileName} ${width}w`).join(', '),
              imagesizes: HERO_SIZES,
            },
          },
        ];
      },
    },
  };
}
