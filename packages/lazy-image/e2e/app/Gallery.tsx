import type { ReactElement } from 'react';
import hero from '@fixtures/hero.jpg?responsive';
import gallery from '@fixtures/gallery.json';
import { LazyLoadImage } from 'react-lazy-load-image-component';
import { LazyImage } from '../../src/index.js';

// The scroll benchmark's page: a hero and 60 photos of 1600x1000 in 400 px cells, three ways.
const COUNT = 60;
const HERO_SIZES = '(max-width: 1216px) 100vw, 1216px';
const src = (i: number, w: number): string => `/img/gallery-${i}-${w}.jpg`;
const srcSet = (i: number): string => [400, 800, 1600].map((w) => `${src(i, w)} ${w}w`).join(', ');

function PlainHero(): ReactElement {
  return (
    <picture>
      {hero.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcset} sizes={HERO_SIZES} />
      ))}
      <img
        src={hero.src}
        alt="Hero"
        width={hero.width}
        height={hero.height}
        fetchPriority="high"
        style={{ width: '100%', height: 'auto' }}
      />
    </picture>
  );
}

/** Each photo sits in a `data-cell` box, so the benchmark finds it the same way on every page. */
function Cells({ render }: { render: (i: number) => ReactElement }): ReactElement {
  return (
    <div className="cells">
      {Array.from({ length: COUNT }, (_, i) => (
        <div key={i} data-cell={i}>
          {render(i)}
        </div>
      ))}
    </div>
  );
}

/** The gallery with `<img loading=lazy>`. */
export const NativeGallery = (): ReactElement => (
  <>
    <PlainHero />
    <Cells
      render={(i) => (
        <img
          src={src(i, 800)}
          srcSet={srcSet(i)}
          sizes="400px"
          width={400}
          height={250}
          loading="lazy"
          alt={`Gallery item ${i}`}
        />
      )}
    />
  </>
);

/** The gallery with `<LazyImage>` as the README recommends: priority hero, native lazy grid, ThumbHash. */
export const OurGallery = (): ReactElement => (
  <>
    <LazyImage {...hero} alt="Hero" priority sizes={HERO_SIZES} style={{ width: '100%' }} />
    <Cells
      render={(i) => (
        <LazyImage
          src={src(i, 800)}
          srcSet={srcSet(i)}
          alt={`Gallery item ${i}`}
          width={400}
          height={250}
          placeholder={gallery[i] ?? {}}
        />
      )}
    />
  </>
);

/** The gallery with react-lazy-load-image-component's defaults. */
export const OtherLibraryGallery = (): ReactElement => (
  <>
    <PlainHero />
    <Cells
      render={(i) => (
        <LazyLoadImage
          src={src(i, 800)}
          srcSet={srcSet(i)}
          sizes="400px"
          width={400}
          height={250}
          alt={`Gallery item ${i}`}
        />
      )}
    />
  </>
);
