/**
 * How far ahead of the scroll an image starts loading, in seconds: at 1,800 px/s it starts up to 1,800 px before it
 * enters the viewport; on a page at rest only what is in view loads. Native `loading="lazy"` instead loads a fixed
 * 1,250-2,500 px ahead in Chromium whether the user scrolls or not: most of its bytes on a page nobody scrolls, and
 * on a slow link they compete with the images the user is looking at.
 */
export const LOOKAHEAD_SECONDS = 1;

/**
 * An image the scroll will show for less than this is not started while the scroll moves that fast: a fling passes
 * it before it could arrive, and its bytes would delay the images where the scroll slows down. When the scroll stops
 * on it, it starts.
 */
export const PASSING_SECONDS = 0.5;

/**
 * How many look-ahead images download at once. Few, so that on a slow link the nearest arrives first instead of
 * all of them arriving late together; images in view are not counted and never wait.
 */
export const AHEAD_AT_ONCE = 4;

/**
 * When a box overlaps the viewport along one axis, in seconds from now, if it keeps moving at `speed` px/s toward
 * lower coordinates (positive while the page scrolls down or right): `[from, until]`. `start`/`end` are its edges
 * relative to the viewport, `size` the viewport's extent. A still box overlaps always or never.
 */
export function overlapSeconds(start: number, end: number, size: number, speed: number): [number, number] {
  if (!speed) return [start < size && end > 0 ? -Infinity : Infinity, Infinity];
  const enters = (start - size) / speed;
  const leaves = end / speed;
  return speed > 0 ? [enters, leaves] : [leaves, enters];
}

/** An image not started yet. */
interface Waiting {
  start: () => void;
  /** Within two viewports; only these are measured. */
  near?: boolean;
  /** Its box at the last check, what its speed is taken from; unset before its first and on a fresh approach. */
  last?: DOMRect | undefined;
}

// Longer than a frame of a slow phone, shorter than a pause between two scrolls.
const STALE_SECONDS = 0.1;
let lastCheck = -Infinity;

const waiting = new Map<Element, Waiting>();
// Started from the look-ahead and still downloading.
const ahead = new Set<Element>();
// [in view, near]; created with the first image.
let observers: IntersectionObserver[] | undefined;
let frame = 0;
// How long an image download has been taking here, in seconds (a moving average): what "in time" means.
let fetchSeconds = 0;

function stopWatching(element: Element): void {
  waiting.delete(element);
  for (const observer of observers as IntersectionObserver[]) observer.unobserve(element);
}

/** Starts an image, and times its download (how long a download takes here decides what is "in time"). */
function begin(element: Element, item: Waiting, startedAt: number): void {
  stopWatching(element);
  item.start();
  const settle = (): void => {
    const seconds = (performance.now() - startedAt) / 1000;
    fetchSeconds = fetchSeconds ? fetchSeconds * 0.7 + seconds * 0.3 : seconds;
    if (ahead.delete(element)) scheduleCheck();
  };
  for (const type of ['load', 'error']) element.addEventListener(type, settle, { capture: true, once: true });
}

function scheduleCheck(): void {
  frame ||= requestAnimationFrame(check);
}

// Runs once per frame while the page scrolls, and while an image in view or in the scroll's path waits. Only images
// near the viewport are measured, so its cost follows what is on screen, not how many images the page has.
function check(now: number): void {
  frame = 0;
  let watch = false;
  const candidates: Array<[number, Element, Waiting]> = [];
  // Speed only from the previous frame's position: one from before the page last rested says nothing about the
  // current scroll. Every near image is measured at every check, so a `last` is from the previous one. Never 0:
  // checks run at most once a frame.
  const elapsed = (now - lastCheck) / 1000;
  for (const [element, item] of waiting) {
    if (!item.near) continue;
    const box = element.getBoundingClientRect();
    const last = item.last;
    item.last = box;
    // The first measurement has no speed yet: a fling would look like a still page and start what it passes.
    if (!last || elapsed > STALE_SECONDS) {
      watch = true;
      continue;
    }
    const [fromX, untilX] = overlapSeconds(box.left, box.right, innerWidth, (last.left - box.left) / elapsed);
    const [fromY, untilY] = overlapSeconds(box.top, box.bottom, innerHeight, (last.top - box.top) / elapsed);
    const from = Math.max(fromX, fromY, 0);
    if (from > LOOKAHEAD_SECONDS) continue;
    watch = true;
    // Worth its bytes only if it will be seen for a while after it arrives.
    if (Math.min(untilX, untilY) - Math.max(from, fetchSeconds) < PASSING_SECONDS) continue;
    if (from) candidates.push([from < fetchSeconds ? from + LOOKAHEAD_SECONDS : from, element, item]);
    else begin(element, item, now);
  }
  // Nearest first among those that can still arrive before they are seen, then the late ones; up to the limit. The
  // rest wait for a download to finish or for a later frame. Nearest-first alone would spend a slow link on images
  // that arrive after they are on screen, all of them blank.
  for (const [, element, item] of candidates.sort((a, b) => a[0] - b[0])) {
    if (ahead.size >= AHEAD_AT_ONCE) break;
    begin(element, item, now);
    ahead.add(element);
  }
  lastCheck = now;
  if (watch) scheduleCheck();
}

/**
 * Calls `start` once, when `element` is in the viewport, or when the current scroll will bring it there within
 * {@link LOOKAHEAD_SECONDS} and keep it there for {@link PASSING_SECONDS}. Returns a function that stops watching.
 * Two IntersectionObservers and one passive scroll listener (capturing, so nested scroll containers count) serve
 * every image.
 */
export function whenScrollReaches(element: Element, start: () => void): () => void {
  if (!observers) {
    observers = [
      // In view without a scroll (first render, a layout change): measured on the next frame.
      new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const item = waiting.get(entry.target);
          if (item && entry.isIntersecting) item.near = true;
        }
        scheduleCheck();
      }),
      // Two viewports below and above, one to each side; scrollMargin (where supported) extends that into nested
      // scroll containers, which otherwise clip the margin away.
      new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const item = waiting.get(entry.target);
            // A fresh approach has no earlier position to take a speed from.
            if (item) {
              item.near = entry.isIntersecting;
              item.last = undefined;
            }
          }
        },
        { rootMargin: '200% 100%', scrollMargin: '200% 100%' } as IntersectionObserverInit,
      ),
    ];
    addEventListener('scroll', scheduleCheck, { capture: true, passive: true });
  }
  waiting.set(element, { start });
  for (const observer of observers) observer.observe(element);
  return () => {
    stopWatching(element);
    // The component stops watching as soon as the image starts (it re-renders); only a removed image frees its
    // look-ahead slot without a load or error event.
    if (!element.isConnected && ahead.delete(element)) scheduleCheck();
  };
}
