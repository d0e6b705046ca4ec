import type { SizeModel } from './createSizeModel.js';
import type { ScrollAlign } from './types.js';

/** Where the viewport must start to show item `index` as `align` asks, before clamping to the scroll range. */
export function alignOffset(
  model: SizeModel,
  index: number,
  align: ScrollAlign,
  offset: number,
  viewport: number,
): number {
  const i = Math.min(model.count - 1, Math.max(0, index));
  if (i < 0) return 0;
  const start = model.offsetOf(i);
  const size = model.sizeOf(i);
  if (align === 'end') return start + size - viewport;
  if (align === 'center') return start + size / 2 - viewport / 2;
  if (align === 'auto') {
    // Already fully visible: stay. Below the viewport and fits: bring its end to the bottom edge.
    if (start >= offset && start + size <= offset + viewport) return offset;
    if (start + size > offset + viewport && size <= viewport) return start + size - viewport;
  }
  return start;
}
