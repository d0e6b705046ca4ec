/** The dimensions a caller gave; at least width+height or an aspect ratio. */
export interface BoxInput {
  width?: number | undefined;
  height?: number | undefined;
  aspectRatio?: number | string | undefined;
}

/** The reserved box: a numeric ratio (width / height) and the intrinsic width when known. */
export interface ResolvedBox {
  ratio: number;
  width: number | undefined;
}

// Number.isFinite is false for non-numbers, which covers untyped callers too.
const positive = (value: unknown): value is number => Number.isFinite(value) && (value as number) > 0;

/**
 * Works out the box to reserve before the image arrives, so the layout never shifts (CLS 0).
 * Returns `undefined` when no usable size was given; {@link describeBoxError} says why.
 */
export function resolveBox({ width, height, aspectRatio }: BoxInput): ResolvedBox | undefined {
  const w = positive(width) ? width : undefined;
  // One division serves every form: "16/9", "1.5" and 1.5 (denominator 1), and width+height as "w/h".
  // A missing or bad part gives NaN, which fails the positive check.
  const [x = NaN, y = 1] = String(aspectRatio ?? `${w}/${height}`)
    .split('/')
    .map(Number);
  const ratio = x / y;
  return positive(ratio) ? { ratio, width: w } : undefined;
}

/**
 * The development error for a size {@link resolveBox} rejected. Kept apart so production bundles,
 * which only check `process.env.NODE_ENV`, drop the message text.
 */
export function describeBoxError({ width, height, aspectRatio }: BoxInput): string {
  return `lazy-image: give width+height or aspectRatio (to reserve the box); got ${JSON.stringify({ width, height, aspectRatio })}`;
}
