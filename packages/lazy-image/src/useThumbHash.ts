import { useEffect, useState, type RefObject } from 'react';
import type { PlaceholderSource } from './types.js';

/**
 * The URL of the blurred placeholder layer: the `lqip` as given, else the `thumbhash` once decoded to a PNG
 * data URL. The decoder is imported on first use, so pages without hash placeholders never download it, and
 * not at all when an `lqip` is given or the image is already there (e.g. from cache).
 */
export function useThumbHash(
  placeholder: PlaceholderSource | undefined,
  imgRef: RefObject<HTMLImageElement | null>,
): string | undefined {
  const [decoded, setDecoded] = useState<string>();
  const hash = placeholder?.thumbhash;
  const lqip = placeholder?.lqip;
  useEffect(() => {
    if (!hash || lqip || imgRef.current?.complete) return;
    // Nothing to cancel: React ignores an update after unmount, and a changed hash wins because the imports
    // wait on the same module and settle in call order. A malformed hash keeps the color placeholder.
    import('thumbhash')
      .then((decoder) => decoder.thumbHashToDataURL(Uint8Array.from(atob(hash), (char) => char.charCodeAt(0))))
      .then(setDecoded, () => {});
  }, [hash, lqip, imgRef]);
  return lqip ?? decoded;
}
