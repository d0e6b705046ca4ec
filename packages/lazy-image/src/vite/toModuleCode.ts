import type { GeneratedImage, ImageVariant } from './generateResponsiveImage.js';

/**
 * Writes the ES module an image import resolves to. `urlExpression` gives, per variant, a JavaScript
 * expression for its URL (a string literal in dev, a Rollup file-URL reference in a build).
 */
export function toModuleCode(image: GeneratedImage, urlExpression: (variant: ImageVariant) => string): string {
  const byFormat = new Map<string, ImageVariant[]>();
  for (const variant of image.variants) byFormat.set(variant.mime, [...(byFormat.get(variant.mime) ?? []), variant]);
  const sources = [...byFormat].map(([mime, variants]) => {
    const srcset = variants.map((v) => `${urlExpression(v)} + ${JSON.stringify(` ${v.width}w`)}`).join(' + ", " + ');
    return `{ type: ${JSON.stringify(mime)}, srcset: ${srcset} }`;
  });
  const originals = [...byFormat.values()].at(-1) ?? [];
  const largest = originals.at(-1);
  if (!largest) throw new Error('@pronto/lazy-image/vite: no image variants were generated');
  const placeholder = image.placeholder ? `, placeholder: ${JSON.stringify(image.placeholder)}` : '';
  return (
    `export default { src: ${urlExpression(largest)}, width: ${image.width}, height: ${image.height}, ` +
    `sources: [${sources.join(', ')}]${placeholder} };\n`
  );
}
