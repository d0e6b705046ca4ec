import type { ReactElement } from 'react';
import hero from '@fixtures/hero.jpg?responsive';
import thumbs from '@fixtures/thumbs.json';
import { LazyImage, type LazyImageProps } from '../../src/index.js';
import { NativeGallery, OtherLibraryGallery, OurGallery } from './Gallery.js';

const srcSet = (i: number): string => [320, 640, 1280].map((w) => `/img/thumb-${i}-${w}.jpg ${w}w`).join(', ');
const thumbProps = (i: number): LazyImageProps => ({
  src: `/img/thumb-${i}-640.jpg`,
  srcSet: srcSet(i),
  alt: `Product ${i}`,
  width: 320,
  height: 240,
  placeholder: thumbs[i] ?? {},
});

function Grid({ count, rootMargin }: { count: number; rootMargin?: string }): ReactElement {
  return (
    <div className="grid">
      {Array.from({ length: count }, (_, i) =>
        rootMargin ? (
          <LazyImage key={i} {...thumbProps(i)} rootMargin={rootMargin} />
        ) : (
          <LazyImage key={i} {...thumbProps(i)} />
        ),
      )}
    </div>
  );
}

function Hero(): ReactElement {
  return (
    <LazyImage {...hero} alt="Hero" priority sizes="(max-width: 1000px) 100vw, 1000px" style={{ width: '100%' }} />
  );
}

const scenarios: Record<string, () => ReactElement> = {
  // A catalog page: thumbnails lazily loaded by the browser's own distance.
  grid: () => <Grid count={24} />,
  // The same with an observer distance.
  'grid-observer': () => <Grid count={24} rootMargin="200px" />,
  // Plain <img> without dimensions: proves the CLS measurement does catch shifts.
  control: () => (
    <div className="grid">
      {Array.from({ length: 24 }, (_, i) => (
        <img key={i} src={`/img/thumb-${i}-320.jpg`} alt={`Product ${i}`} style={{ width: '100%' }} />
      ))}
    </div>
  ),
  distance: () => (
    <>
      <div className="spacer" />
      <LazyImage {...thumbProps(5)} rootMargin="600px" />
      <div className="spacer" />
    </>
  ),
  hero: () => (
    <>
      <Hero />
      <Grid count={12} />
    </>
  ),
  adaptive: () => <LazyImage {...thumbProps(7)} />,
  retry: () => (
    <>
      <LazyImage src="/fail/2/img/thumb-1-320.jpg" alt="Recovers" width={320} height={240} retryDelay={100} />
      <LazyImage
        src="/fail/99/img/thumb-2-320.jpg"
        alt="Falls back"
        width={320}
        height={240}
        retryDelay={100}
        fallbackSrc="/img/thumb-3-320.jpg"
      />
      <LazyImage
        src="/fail/99/img/thumb-4-320.jpg"
        alt="Gone for good"
        width={320}
        height={240}
        retryDelay={100}
        fallbackSrc="/fail/99/img/thumb-5-320.jpg"
      />
    </>
  ),
  // Benchmark pages: the same catalog (hero + 40 products) three ways.
  'bench-eager': () => (
    <>
      <img
        src={hero.src}
        alt="Hero"
        width={hero.width}
        height={hero.height}
        style={{ width: '100%', height: 'auto' }}
      />
      <div className="grid">
        {Array.from({ length: 40 }, (_, i) => (
          <img
            key={i}
            src={`/img/thumb-${i}-640.jpg`}
            alt={`Product ${i}`}
            width={320}
            height={240}
            style={{ width: '100%', height: 'auto' }}
          />
        ))}
      </div>
    </>
  ),
  'bench-native': () => (
    <>
      <img
        src={hero.src}
        alt="Hero"
        width={hero.width}
        height={hero.height}
        style={{ width: '100%', height: 'auto' }}
      />
      <div className="grid">
        {Array.from({ length: 40 }, (_, i) => (
          <img
            key={i}
            src={`/img/thumb-${i}-640.jpg`}
            alt={`Product ${i}`}
            width={320}
            height={240}
            loading="lazy"
            style={{ width: '100%', height: 'auto' }}
          />
        ))}
      </div>
    </>
  ),
  // Native lazy with the same responsive files as LazyImage gets: isolates the loading strategy from the formats.
  'bench-native-responsive': () => (
    <>
      <picture>
        {hero.sources.map((source) => (
          <source
            key={source.type}
            type={source.type}
            srcSet={source.srcset}
            sizes="(max-width: 1000px) 100vw, 1000px"
          />
        ))}
        <img
          src={hero.src}
          alt="Hero"
          width={hero.width}
          height={hero.height}
          style={{ width: '100%', height: 'auto' }}
        />
      </picture>
      <div className="grid">
        {Array.from({ length: 40 }, (_, i) => (
          <img
            key={i}
            src={`/img/thumb-${i}-640.jpg`}
            srcSet={srcSet(i)}
            sizes="auto, 320px"
            alt={`Product ${i}`}
            width={320}
            height={240}
            loading="lazy"
            style={{ width: '100%', height: 'auto' }}
          />
        ))}
      </div>
    </>
  ),
  'bench-ours': () => (
    <>
      <Hero />
      <Grid count={40} />
    </>
  ),
  // The scroll benchmark's gallery (hero + 60 photos in 400 px cells).
  'scroll-native': NativeGallery,
  'scroll-ours': OurGallery,
  'scroll-other': OtherLibraryGallery,
};

/** The names of the test pages. */
export const scenarioNames = Object.keys(scenarios);

/** One test page, chosen by name. */
export function App({ scenario }: { scenario: string }): ReactElement {
  const render = scenarios[scenario];
  if (!render) throw new Error(`unknown scenario ${scenario}`);
  return (
    <main>
      <h1>{scenario}</h1>
      {render()}
      <p id="after">Text under the images: it moves if anything above it changes size.</p>
    </main>
  );
}
