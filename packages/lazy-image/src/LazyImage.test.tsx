import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LazyImage } from './LazyImage.js';

// The scroll look-ahead needs layout and frames, so the browser tests cover it (e2e/lookahead.spec.ts); here it
// starts an image at once, or holds it until the test starts it.
const lookahead = vi.hoisted(() => ({ hold: false, held: new Map<Element, () => void>() }));
vi.mock('./scrollLookahead.js', () => ({
  whenScrollReaches: (element: Element, start: () => void) => {
    if (lookahead.hold) lookahead.held.set(element, start);
    else start();
    return () => lookahead.held.delete(element);
  },
}));

const SRCSET = 'a-320.jpg 320w, a-640.jpg 640w, a-1280.jpg 1280w';

let reducedMotion = false;
let intersect: (target: Element) => void;

beforeEach(() => {
  lookahead.hold = false;
  lookahead.held.clear();
  reducedMotion = false;
  window.matchMedia = ((query: string) => ({
    matches: reducedMotion && query.includes('reduce'),
  })) as typeof matchMedia;
  const observed = new Map<Element, IntersectionObserver>();
  const callbacks = new Map<IntersectionObserver, IntersectionObserverCallback>();
  class FakeObserver {
    constructor(cb: IntersectionObserverCallback) {
      callbacks.set(this as unknown as IntersectionObserver, cb);
    }
    observe(el: Element) {
      observed.set(el, this as unknown as IntersectionObserver);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      for (const [el, o] of observed) if (o === (this as unknown)) observed.delete(el);
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  intersect = (target) => {
    const observer = observed.get(target);
    if (!observer) throw new Error('element is not observed');
    act(() =>
      callbacks.get(observer)?.([{ target, isIntersecting: true } as unknown as IntersectionObserverEntry], observer),
    );
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'connection');
  document.head.innerHTML = '';
});

const wrapper = (container: HTMLElement) => container.firstElementChild as HTMLElement;
const img = (container: HTMLElement) => container.querySelector('img') as HTMLImageElement;

describe('<LazyImage>', () => {
  it('reserves the box and renders no <img> until the scroll look-ahead starts it, then an eager one', () => {
    lookahead.hold = true;
    const { container } = render(<LazyImage src="a.jpg" srcSet={SRCSET} alt="A cat" width={400} height={300} />);
    expect(wrapper(container).style.aspectRatio).toMatch(/^1\.3333/);
    expect(wrapper(container).style.width).toBe('400px');
    expect(img(container)).toBeNull();
    act(() => lookahead.held.get(wrapper(container))?.());
    const image = img(container);
    expect(image.getAttribute('loading')).toBe('eager');
    expect(image.getAttribute('decoding')).toBe('async');
    // jsdom lays nothing out, so the box width cannot be measured: the width given stands in.
    expect(image.getAttribute('sizes')).toBe('(max-width: 400px) 100vw, 400px');
    expect(image.getAttribute('srcset')).toBe(SRCSET);
    expect(image.getAttribute('width')).toBe('400');
    expect(image.getAttribute('height')).toBe('300');
    expect(image.hasAttribute('fetchpriority')).toBe(false);
  });

  it('throws a clear error in development when no size is given', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<LazyImage src="a.jpg" alt="" width={400} />)).toThrow(/give width\+height or aspectRatio/);
  });

  it('makes a priority image eager, high priority and preloaded', () => {
    const { container } = render(
      <LazyImage
        src="a.jpg"
        alt="Hero"
        width={800}
        height={400}
        priority
        sources={[{ type: 'image/avif', srcset: 'a.avif 800w' }]}
      />,
    );
    expect(img(container).getAttribute('loading')).toBe('eager');
    expect(img(container).getAttribute('fetchpriority')).toBe('high');
    const link = document.head.querySelector('link[rel="preload"]');
    expect(link?.getAttribute('as')).toBe('image');
    expect(link?.getAttribute('imagesrcset')).toBe('a.avif 800w');
    expect(link?.getAttribute('type')).toBe('image/avif');
    expect(link?.getAttribute('fetchpriority')).toBe('high');
    expect(container.querySelector('source')?.getAttribute('type')).toBe('image/avif');
  });

  it('with a rootMargin renders no <img> until the observer reports it near', () => {
    const { container } = render(<LazyImage src="a.jpg" alt="" aspectRatio="1/1" rootMargin="600px" />);
    expect(img(container)).toBeNull();
    intersect(wrapper(container));
    expect(img(container).getAttribute('src')).toBe('a.jpg');
  });

  it('on Save-Data waits for the viewport and caps the srcset at the box width', () => {
    Object.defineProperty(navigator, 'connection', {
      configurable: true,
      value: Object.assign(new EventTarget(), { saveData: true, effectiveType: '4g' }),
    });
    const { container } = render(<LazyImage src="a.jpg" srcSet={SRCSET} alt="" width={400} height={300} />);
    expect(img(container)).toBeNull();
    intersect(wrapper(container));
    expect(img(container).getAttribute('srcset')).toBe('a-320.jpg 320w, a-640.jpg 640w');
  });

  it('lets the app override the network judgement', () => {
    Object.defineProperty(navigator, 'connection', {
      configurable: true,
      value: Object.assign(new EventTarget(), { saveData: true }),
    });
    const { container } = render(
      <LazyImage src="a.jpg" srcSet={SRCSET} alt="" width={400} height={300} network="fast" />,
    );
    expect(img(container).getAttribute('srcset')).toBe(SRCSET);
  });

  it('retries with backoff, then uses the fallback, then shows the alt text', () => {
    vi.useFakeTimers();
    const onFail = vi.fn<() => void>();
    const { container } = render(
      <LazyImage
        src="bad.jpg"
        alt="A broken cat"
        width={100}
        height={100}
        retries={2}
        retryDelay={100}
        fallbackSrc="fallback.jpg"
        onFail={onFail}
      />,
    );
    const first = img(container);
    fireEvent.error(first);
    act(() => vi.advanceTimersByTime(99));
    expect(img(container)).toBe(first);
    act(() => vi.advanceTimersByTime(1));
    const second = img(container);
    expect(second).not.toBe(first);
    expect(second.getAttribute('src')).toBe('bad.jpg');
    fireEvent.error(second);
    act(() => vi.advanceTimersByTime(200));
    fireEvent.error(img(container));
    act(() => vi.advanceTimersByTime(1000));
    expect(img(container).getAttribute('src')).toBe('fallback.jpg');
    expect(onFail).not.toHaveBeenCalled();
    fireEvent.error(img(container));
    expect(img(container)).toBeNull();
    expect(wrapper(container).textContent).toBe('A broken cat');
    expect(wrapper(container).dataset.status).toBe('failed');
    expect(onFail).toHaveBeenCalledTimes(1);
  });

  it('fades in over the placeholder color and then drops the placeholder', () => {
    const { container } = render(
      <LazyImage src="a.jpg" alt="" width={100} height={100} placeholder={{ color: '#123456' }} fadeDuration={200} />,
    );
    expect(wrapper(container).style.backgroundColor).toBe('rgb(18, 52, 86)');
    expect(img(container).style.opacity).toBe('0');
    fireEvent.load(img(container));
    expect(img(container).style.opacity).toBe('1');
    expect(img(container).style.transition).toBe('opacity 200ms');
    expect(wrapper(container).style.backgroundColor).toBe('rgb(18, 52, 86)');
    fireEvent.transitionEnd(img(container));
    expect(wrapper(container).style.backgroundColor).toBe('');
  });

  it('does not fade under prefers-reduced-motion', () => {
    reducedMotion = true;
    const { container } = render(<LazyImage src="a.jpg" alt="" width={100} height={100} />);
    expect(img(container).style.opacity).toBe('');
    expect(img(container).style.transition).toBe('');
  });

  it('decodes a ThumbHash placeholder lazily into a data URL', async () => {
    const { container } = render(
      <LazyImage
        src="a.jpg"
        alt=""
        width={100}
        height={100}
        placeholder={{ thumbhash: '1QcSHQRnh493V4dIh4eXh1h4kJUI' }}
      />,
    );
    await vi.waitFor(() => {
      const layer = container.querySelector('span[aria-hidden]') as HTMLElement | null;
      expect(layer?.style.backgroundImage).toMatch(/^url\("data:image\/png;base64,/);
    });
  });
});

describe('<LazyImage> edge cases', () => {
  // jsdom never loads images; these stub what a browser reports for an image that finished before hydration.
  const stubImage = (complete: boolean, naturalWidth: number) => {
    vi.spyOn(HTMLImageElement.prototype, 'complete', 'get').mockReturnValue(complete);
    vi.spyOn(HTMLImageElement.prototype, 'naturalWidth', 'get').mockReturnValue(naturalWidth);
  };
  afterEach(() => vi.restoreAllMocks());

  it('counts an error seen both by the mount check and by onError once', () => {
    vi.useFakeTimers();
    stubImage(true, 0);
    const onFail = vi.fn<() => void>();
    const { container } = render(
      <LazyImage src="bad.jpg" alt="Cat" width={10} height={10} retries={1} retryDelay={100} onFail={onFail} />,
    );
    // The mount check already saw attempt 0 fail; the error event for the same attempt changes nothing.
    fireEvent.error(img(container));
    act(() => vi.advanceTimersByTime(100));
    // The retry (attempt 1) is the last one, and the mount check fails it at once.
    expect(onFail).toHaveBeenCalledTimes(1);
    expect(wrapper(container).dataset.status).toBe('failed');
  });

  it('reports an image that loaded before hydration, with the element', () => {
    stubImage(true, 320);
    const onLoad = vi.fn<(image: HTMLImageElement) => void>();
    const { container } = render(<LazyImage src="a.jpg" alt="" width={10} height={10} onLoad={onLoad} />);
    expect(onLoad).toHaveBeenCalledWith(img(container));
    expect(wrapper(container).dataset.status).toBe('loaded');
    // Already there: no fade.
    expect(img(container).style.opacity).toBe('');
  });

  it('retries a <picture> as a whole', () => {
    vi.useFakeTimers();
    const { container } = render(
      <LazyImage
        src="a.jpg"
        alt=""
        width={10}
        height={10}
        retryDelay={100}
        sources={[{ type: 'image/avif', srcset: 'a.avif 10w' }]}
      />,
    );
    const picture = container.querySelector('picture');
    fireEvent.error(img(container));
    act(() => vi.advanceTimersByTime(100));
    expect(container.querySelector('picture')).not.toBe(picture);
    expect(container.querySelector('source')?.getAttribute('srcset')).toBe('a.avif 10w');
  });

  it('unmounts during a backoff without errors', () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error');
    const { container, unmount } = render(<LazyImage src="bad.jpg" alt="" width={10} height={10} />);
    fireEvent.error(img(container));
    unmount();
    act(() => vi.advanceTimersByTime(5000));
    expect(error).not.toHaveBeenCalled();
  });

  it('keeps a loaded image, reported once, when the network turns constrained', () => {
    const connection = Object.assign(new EventTarget(), { saveData: false, effectiveType: '4g' });
    Object.defineProperty(navigator, 'connection', { configurable: true, value: connection });
    stubImage(true, 320);
    const onLoad = vi.fn<(image: HTMLImageElement) => void>();
    const { container } = render(<LazyImage src="a.jpg" alt="" width={10} height={10} onLoad={onLoad} />);
    act(() => {
      connection.saveData = true;
      connection.dispatchEvent(new Event('change'));
    });
    expect(img(container).getAttribute('loading')).toBe('eager');
    expect(onLoad).toHaveBeenCalledTimes(1);
  });

  it('keeps the <noscript> copy inert on the client', () => {
    const { container } = render(<LazyImage src="a.jpg" alt="" aspectRatio={1} rootMargin="600px" />);
    // React does not mount <noscript> children in the browser, so no <img> exists until the observer fires.
    expect(container.querySelector('noscript')).not.toBeNull();
    expect(img(container)).toBeNull();
  });
});

describe('<LazyImage> in odd environments', () => {
  it('starts over when src changes, so an earlier failure does not stick', () => {
    const { container, rerender } = render(<LazyImage src="bad.jpg" alt="Cat" width={10} height={10} retries={0} />);
    fireEvent.error(img(container));
    expect(wrapper(container).dataset.status).toBe('failed');
    rerender(<LazyImage src="good.jpg" alt="Cat" width={10} height={10} retries={0} />);
    expect(wrapper(container).dataset.status).toBe('loading');
    expect(img(container).getAttribute('src')).toBe('good.jpg');
  });

  it('loads at once without IntersectionObserver or matchMedia', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    vi.stubGlobal('matchMedia', undefined);
    const { container } = render(<LazyImage src="a.jpg" alt="" width={10} height={10} rootMargin="100px" />);
    expect(img(container).getAttribute('src')).toBe('a.jpg');
    expect(img(container).style.opacity).toBe('0');
  });
});

describe('<LazyImage> on the server', () => {
  it('renders a real <img> for priority images and a lazy <noscript> one for the others', () => {
    const hero = renderToString(<LazyImage src="a.jpg" alt="Cat" width={400} height={300} priority />);
    expect(hero).toMatch(/<img [^>]*src="a.jpg"/);
    expect(hero).not.toContain('noscript');
    const lazy = renderToString(<LazyImage src="c.jpg" srcSet={SRCSET} alt="Cat" width={400} height={300} />);
    expect(lazy).toMatch(/<noscript><img [^>]*src="c.jpg"[^>]*loading="lazy"/);
    expect(lazy).not.toContain('opacity');
    const observed = renderToString(<LazyImage src="b.jpg" alt="Dog" width={400} height={300} rootMargin="600px" />);
    expect(observed).toMatch(/<noscript><img [^>]*src="b.jpg"[^>]*loading="lazy"/);
  });
});
