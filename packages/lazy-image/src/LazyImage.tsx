import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import * as ReactDOM from 'react-dom';
import { capSrcSet } from './capSrcSet.js';
import { describeBoxError, resolveBox } from './resolveBox.js';
import { observerMargin } from './resolveLoading.js';
import type { ImageSource, NetworkMode, PlaceholderSource } from './types.js';
import { useInView } from './useInView.js';
import { useNetworkConstrained } from './useNetworkConstrained.js';
import { useThumbHash } from './useThumbHash.js';

/** Props of {@link LazyImage}. Give `width` + `height`, or `aspectRatio` (with an optional `width`). */
export interface LazyImageProps {
  /** The image URL; also the fallback for browsers without srcset. */
  src: string;
  /** Alternative text; `""` for a decorative image. Shown in the box if the image cannot load. */
  alt: string;
  /** Intrinsic width in CSS px; with `height` it reserves the box. The box never grows past its container. */
  width?: number;
  /** Intrinsic height in CSS px. */
  height?: number;
  /** Width / height as a number or `"16/9"`; an alternative to `height` when the width is fluid. */
  aspectRatio?: number | string;
  /** Candidates for the `<img>` (`a.jpg 320w, b.jpg 640w`). */
  srcSet?: string;
  /**
   * The `sizes` attribute.
   * @default the measured box width once the image is revealed; `(max-width: {width}px) 100vw, {width}px` before
   * (server-rendered and `<noscript>` markup) and for `priority` images
   */
  sizes?: string;
  /** `<picture>` sources in order of preference, e.g. AVIF then WebP (what `?responsive` imports give). */
  sources?: readonly ImageSource[];
  /**
   * The LCP image: load eagerly with `fetchpriority="high"` and a `<link rel=preload>` in the head.
   * @default false
   */
  priority?: boolean;
  /**
   * Start loading when the image is this close to the viewport (IntersectionObserver `rootMargin`, e.g.
   * `"600px"`), whether the page scrolls or not. Unset: load what is in view, and what the current scroll will
   * bring into view within a second (nothing more on a page at rest).
   * @default undefined
   */
  rootMargin?: string;
  /**
   * `auto` follows Save-Data and `navigator.connection.effectiveType`; on a constrained network the image
   * loads only when it enters the viewport and from a candidate no wider than its box at 1x.
   * @default 'auto'
   */
  network?: NetworkMode;
  /** What to show until the image has loaded. @default undefined */
  placeholder?: PlaceholderSource;
  /**
   * Fade-in duration in ms; 0 disables it. Always off under `prefers-reduced-motion: reduce`.
   * @default 250, or 0 with `priority` (a fade would delay the LCP paint)
   */
  fadeDuration?: number;
  /** How many times a failed load is retried. @default 2 */
  retries?: number;
  /** Wait before the first retry in ms; doubles for each next one. @default 500 */
  retryDelay?: number;
  /** Loaded after the retries fail; if it fails too, the alt text is shown in the box. @default undefined */
  fallbackSrc?: string;
  /** How the image fills the reserved box. @default 'cover' */
  objectFit?: CSSProperties['objectFit'];
  /** Class of the wrapper `<span>` that reserves the box. */
  className?: string;
  /** Style of the wrapper `<span>`; e.g. `{ width: '100%' }` for a fluid image. */
  style?: CSSProperties;
  /** Called when the image (or the fallback) has loaded. */
  onLoad?: (image: HTMLImageElement) => void;
  /** Called when the image, its retries and the fallback have all failed. */
  onFail?: () => void;
}

const FILL: CSSProperties = { width: '100%', height: '100%', position: 'absolute', inset: 0 };

/**
 * An image that reserves its box (no layout shift), loads lazily (natively or at a chosen distance),
 * adapts to slow networks, retries and falls back, and shows a placeholder meanwhile.
 * Server-rendered output contains a real `<img>` (or a `<noscript>` one), so it shows without JavaScript.
 */
export function LazyImage(props: LazyImageProps): ReactElement {
  // A new src is a new image: fresh retries, status and placeholder (rows of virtual lists reuse components).
  return <Image key={props.src} {...props} />;
}

function Image(props: LazyImageProps): ReactElement {
  const {
    src,
    alt,
    srcSet,
    sources,
    priority,
    rootMargin,
    network,
    placeholder,
    fadeDuration = priority ? 0 : 250,
    retries = 2,
    retryDelay: baseDelay = 500,
    fallbackSrc,
    objectFit = 'cover',
    onLoad,
    onFail,
  } = props;
  const box = resolveBox(props);
  // In production a missing size costs layout shift, not the page; the check and its text are dropped there.
  if (!box && process.env.NODE_ENV !== 'production') throw new Error(describeBoxError(props));
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  // Attempts 0..retries load `src`; the one after loads `fallbackSrc` (if any); the one after that means every
  // attempt failed. Each attempt mounts a fresh <img>.
  const [attempt, setAttempt] = useState(0);
  // The last attempt whose failure was handled.
  const seenFailure = useRef(-1);
  const [loaded, setLoaded] = useState(false);
  // True while the image fades in over the placeholder, which stays under it until the transition ends.
  const [fading, setFading] = useState(false);
  const layerUrl = useThumbHash(placeholder, imgRef);

  const constrained = useNetworkConstrained(network);
  const margin = observerMargin(priority, rootMargin, constrained);
  const inView = useInView(wrapperRef, margin);
  const fallback = attempt > retries;
  const lastAttempt = retries + (fallbackSrc ? 1 : 0);
  const failed = lastAttempt < attempt;

  // Lazy images are revealed after mount (so the wrapper's ref is set), and their real width is known: the best
  // `sizes` there is.
  const measured = (!priority && inView && (wrapperRef.current as HTMLSpanElement).clientWidth) || undefined;
  const width = box?.width;
  const sizes =
    props.sizes ?? (measured ? `${measured}px` : width ? `(max-width: ${width}px) 100vw, ${width}px` : '100vw');
  const cap = (candidates: string | undefined): string | undefined =>
    candidates && constrained ? capSrcSet(candidates, measured ?? width) : candidates;

  if (priority && !fallback) {
    const first = sources?.[0];
    // Only the first source is preloaded, typed, so a browser without AVIF skips it instead of wasting it.
    // React 18 has no preload(): there a priority image is still eager with fetchpriority=high, only not preloaded.
    (ReactDOM as Partial<typeof ReactDOM>).preload?.(src, {
      as: 'image',
      fetchPriority: 'high',
      imageSizes: sizes,
      imageSrcSet: cap(first?.srcset ?? srcSet),
      type: first?.type,
    });
  }

  const handleLoad = (): void => {
    setLoaded(true);
    onLoad?.(imgRef.current as HTMLImageElement);
  };
  // Called by onError and by the mount check below (an error that fired before hydration); the ref makes an
  // attempt seen by both count once.
  const handleError = (): void => {
    // Attempts only go up, so an attempt not above the last handled one was handled already.
    if (attempt > seenFailure.current) {
      seenFailure.current = attempt;
      // Every attempt failed: the alt-text box, now.
      if (attempt === lastAttempt) {
        setAttempt(attempt + 1);
        onFail?.();
      }
      // Exponential backoff (base, 2x, 4x...) for the retries of `src`, so a struggling server is not hammered;
      // the fallback after the last retry goes at once. Not cleared on unmount: React ignores the late update.
      else setTimeout(() => setAttempt(attempt + 1), attempt < retries ? baseDelay * 2 ** attempt : 0);
    }
  };

  const shown = inView && !failed;
  useLayoutEffect(() => {
    const image = imgRef.current;
    // Only a loading image needs this: a loaded one whose <img> mounts again (priority turned off) must not
    // report or fade again.
    if (!image || loaded) return;
    // Load/error may have fired before hydration attached listeners, or from cache before this effect.
    if (image.complete) {
      if (image.naturalWidth) handleLoad();
      else handleError();
    } else if (fadeDuration > 0 && !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      setFading(true);
    }
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- runs once per mounted <img>
  }, [attempt, shown]);

  const showPlaceholder = !loaded || fading;
  // One element serves both places: React never mounts the children of a <noscript> on the client, so its
  // ref and handlers only ever attach to the visible copy. Eager: priority images, and lazy ones once revealed.
  // Native lazy: the <noscript> copy (the only one before a lazy image is revealed).
  const img = (
    <img
      key={attempt}
      ref={imgRef}
      {...(fallback ? { src: fallbackSrc } : { src, srcSet: cap(srcSet), sizes })}
      alt={alt}
      width={width}
      height={props.height}
      loading={inView ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      style={{
        ...FILL,
        objectFit,
        ...(fading && { opacity: loaded ? 1 : 0, transition: `opacity ${fadeDuration}ms` }),
      }}
      onLoad={handleLoad}
      onError={handleError}
      onTransitionEnd={() => setFading(false)}
    />
  );
  // A new key per attempt makes React create a fresh element, which requests the URL again.
  const image =
    fallback || !sources?.length ? (
      img
    ) : (
      <picture key={attempt}>
        {sources.map((source) => (
          <source
            key={source.type + source.media}
            srcSet={cap(source.srcset)}
            sizes={sizes}
            type={source.type}
            media={source.media}
          />
        ))}
        {img}
      </picture>
    );

  return (
    <span
      ref={wrapperRef}
      className={props.className}
      data-status={loaded ? 'loaded' : failed ? 'failed' : 'loading'}
      style={{
        display: 'block',
        position: 'relative',
        overflow: 'hidden',
        maxWidth: '100%',
        // React adds "px" to a number; aspect-ratio is one of its unitless properties.
        width: width || '100%',
        aspectRatio: box?.ratio,
        backgroundColor: showPlaceholder ? placeholder?.color : undefined,
        ...props.style,
      }}
    >
      {showPlaceholder && layerUrl && (
        <span
          aria-hidden
          style={{
            ...FILL,
            backgroundImage: `url("${layerUrl}")`,
            backgroundSize: 'cover',
            filter: 'blur(8px)',
            transform: 'scale(1.1)',
          }}
        />
      )}
      {shown && image}
      {!inView && <noscript>{image}</noscript>}
      {failed && (
        <span style={{ ...FILL, display: 'grid', placeItems: 'center', textAlign: 'center', background: '#eee' }}>
          {alt}
        </span>
      )}
    </span>
  );
}
