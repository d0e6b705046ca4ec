// Used where layout is unavailable (jsdom, SSR): below Firefox's ~17.9M px cap, so also safe there.
const fallback = 15_000_000;
const cache = new WeakMap<Document, number>();

/**
 * The largest size the browser can lay out and scroll, found by laying out a probe far taller than
 * any engine allows and reading back what it kept (Chromium ~33.5M px, Firefox ~17.9M px). Measured
 * once per document. A 1% margin keeps the list clear of rounding right at the engine's limit.
 */
export function detectMaxScrollSize(doc: Document): number {
  const cached = cache.get(doc);
  if (cached !== undefined) return cached;
  const probe = doc.createElement('div');
  probe.style.cssText =
    'position:absolute;top:0;left:0;width:1px;height:10000000000px;visibility:hidden;pointer-events:none';
  (doc.body ?? doc.documentElement).append(probe);
  const kept = probe.getBoundingClientRect().height;
  probe.remove();
  // Without layout the probe reads 0; any real engine keeps millions of pixels.
  const size = kept > 1_000_000 ? Math.floor(kept * 0.99) : fallback;
  cache.set(doc, size);
  return size;
}
