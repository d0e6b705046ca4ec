import { Fragment, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import * as ReactDOM from 'react-dom';
import { capSrcSet } from './capSrcSet.js';
import { decodeThumbHash } from './decodeThumbHash.js';
import { describeBoxError, resolveBox } from './resolveBox.js';
import { resolveLoading } from './resolveLoading.js';
import { retryDelay } from './retryDelay.js';
import type { ImageSource, NetworkMode, PlaceholderSource } from './types.js';
import { useInView } from './useInView.js';
import { useNetworkConstrained } from './useNetworkConstrained.js';

// React 18 has no resource API: there a priority image is still eager with fetchpriority=high, only not preloaded.
const preload = (ReactDOM as Partial<typeof ReactDOM>).preload;

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
   * @default `auto, (max-width: {width}px) 100vw, {width}px` for lazy images (the layout width where the
   * browser supports `sizes=auto`), the measured box width once an observed image is revealed.
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
   * Start loading when the image is this close to the viewport (IntersectionObserver `rootMargin`,
   * e.g. `"600px"`). Unset leaves the distance to the browser's native `loading="lazy"`.
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

type Status = 'loading' | 'loaded' | 'failed';

const FILL: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%' };

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
    priority = false,
    rootMargin,
    network = 'auto',
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
  const handledAttempt = useRef(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Attempts 0..retries load `src`; the one after loads `fallbackSrc`. Each attempt mounts a fresh <img>.
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>('loading');
  // 0: no fade, 1: fading in over the placeholder, 2: faded in.
  const [fade, setFade] = useState(0);
  const [hashUrl, setHashUrl] = useState<string>();

  const constrained = useNetworkConstrained(network);
  const strategy = resolveLoading({ priority, rootMargin, constrained });
  const inView = useInView(wrapperRef, strategy.kind === 'observer' ? strategy.rootMargin : null);
  const fallback = attempt > retries;

  // Observed images are revealed after mount, so their real width is known: the best `sizes` there is.
  const measured = strategy.kind === 'observer' && inView ? wrapperRef.current?.clientWidth || undefined : undefined;
  const width = box?.width;
  const fixedSizes = width ? `(max-width: ${width}px) 100vw, ${width}px` : '100vw';
  const sizes =
    props.sizes ??
    (measured ? `${measured}px` : strategy.kind === 'native' ? `auto, ${fixedSizes}` : fixedSizes);
  const cap = (candidates: string | undefined): string | undefined =>
    candidates && constrained ? capSrcSet(candidates, measured ?? width) : candidates;

  if (priority && !fallback) {
    const first = sources?.[0];
    preload?.(src, {
      as: 'image',
      fetchPriority: 'high',
      imageSizes: sizes,
      // Only the first source is preloaded, typed, so a browser without AVIF skips it instead of wasting it.
      ...(first ? { imageSrcSet: cap(first.srcset), type: first.type } : { imageSrcSet: cap(srcSet) }),
    });
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    const hash = placeholder?.thumbhash;
    if (!hash || placeholder.lqip || imgRef.current?.complete) return;
    let live = true;
    // A malformed hash keeps the color placeholder rather than breaking the image.
    decodeThumbHash(hash).then((url) => live && setHashUrl(url), () => {});
    return () => {
      live = false;
    };
  }, [placeholder?.thumbhash, placeholder?.lqip]);

  const handleLoad = (image: HTMLImageElement): void => {
    setStatus('loaded');
    onLoad?.(image);
  };

  const handleError = (): void => {
    if (handledAttempt.current === attempt) return;
    handledAttempt.current = attempt;
    const delay = retryDelay(attempt, retries, baseDelay);
    if (delay !== null) timer.current = setTimeout(() => setAttempt(attempt + 1), delay);
    else if (!fallback && fallbackSrc) setAttempt(attempt + 1);
    else {
      setStatus('failed');
      onFail?.();
    }
  };

  const shown = inView && status !== 'failed';
  useLayoutEffect(() => {
    const image = imgRef.current;
    if (!image || status !== 'loading') return;
    // Load/error may have fired before hydration attached listeners, or from cache before this effect.
    if (image.complete) {
      if (image.naturalWidth > 0) handleLoad(image);
      else handleError();
    } else if (fadeDuration > 0 && !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      setFade(1);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per mounted <img>
  }, [attempt, shown]);

  const loaded = status === 'loaded';
  const showPlaceholder = !loaded || fade === 1;
  const layerUrl = placeholder?.lqip ?? hashUrl;
  const imgStyle: CSSProperties = {
    ...FILL,
    objectFit,
    ...(fade ? { opacity: loaded ? 1 : 0, transition: `opacity ${fadeDuration}ms` } : {}),
  };

  const renderImage = (lazy: boolean, attach: boolean): ReactElement => {
    const img = (
      <img
        ref={attach ? imgRef : undefined}
        src={fallback ? fallbackSrc : src}
        srcSet={fallback ? undefined : cap(srcSet)}
        sizes={fallback ? undefined : sizes}
        alt={alt}
        width={width}
        height={props.height}
        loading={lazy ? 'lazy' : 'eager'}
        fetchPriority={priority ? 'high' : undefined}
        decoding="async"
        style={imgStyle}
        onLoad={attach ? (event) => handleLoad(event.currentTarget) : undefined}
        onError={attach ? handleError : undefined}
        // The placeholder stays under a fading image (no flash of background) and goes once it is opaque.
        onTransitionEnd={attach ? () => setFade(2) : undefined}
      />
    );
    if (fallback || !sources?.length) return img;
    return (
      <picture>
        {sources.map((source) => (
          <source key={source.type + source.media} type={source.type} srcSet={cap(source.srcset)} sizes={sizes} media={source.media} />
        ))}
        {img}
      </picture>
    );
  };

  return (
    <span
      ref={wrapperRef}
      className={props.className}
      data-status={status}
      style={{
        display: 'block',
        position: 'relative',
        overflow: 'hidden',
        maxWidth: '100%',
        width: width ? `${width}px` : '100%',
        aspectRatio: box ? String(box.ratio) : undefined,
        backgroundColor: showPlaceholder ? placeholder?.color : undefined,
        ...props.style,
      }}
    >
      {showPlaceholder && layerUrl && (
        <span
          aria-hidden="true"
          style={{ ...FILL, backgroundImage: `url("${layerUrl}")`, backgroundSize: 'cover', filter: 'blur(8px)', transform: 'scale(1.1)' }}
        />
      )}
      {/* A new key makes React create a fresh <img>, which requests the URL again. */}
      {shown && <Fragment key={attempt}>{renderImage(strategy.kind === 'native', true)}</Fragment>}
      {!inView && <noscript>{renderImage(true, false)}</noscript>}
      {status === 'failed' && (
        <span
          style={{ ...FILL, display: 'grid', placeItems: 'center', textAlign: 'center', background: '#eee' }}
        >
          {alt}
        </span>
      )}
    </span>
  );
}
