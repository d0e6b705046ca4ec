import { LazyImage } from '@pronto/lazy-image';
import { VirtualList, type VirtualListHandle, type VirtualListSnapshot } from '@pronto/virtual-list';
import { useEffect, useRef, useState } from 'react';
import hero from '../assets/hero.jpg?responsive';
import { imageSources, imageUrl } from '../catalog/api';
import { formatPrice } from '../catalog/formatPrice';
import { HERO_SIZES } from '../heroSizes';
import { useItemPages } from '../catalog/useItemPages';
import { Link, navigate } from '../router';

const ROW_HEIGHT = 88;
/** Where the list was when the user left for an item page: offset, focused row, per tab. */
const SNAPSHOT_KEY = 'pronto:catalog-snapshot';

interface SavedList {
  snapshot: VirtualListSnapshot;
  /** Focus was in the list (keyboard or click on a row): give it back, as a browser does on back. */
  hadFocus: boolean;
}

function readSaved(): SavedList | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(SNAPSHOT_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export default function CatalogPage() {
  const { total, error, itemAt, ensureRange, retry } = useItemPages();
  const list = useRef<VirtualListHandle>(null);
  const [saved] = useState(readSaved);
  const restoreFocus = total !== null && saved?.hadFocus === true;

  useEffect(() => {
    if (!restoreFocus || !saved) return;
    // The list keeps the row visible inside its own box; bring the box itself into the window too.
    list.current?.element?.scrollIntoView({ block: 'nearest' });
    list.current?.focusIndex(saved.snapshot.focusIndex);
  }, [restoreFocus, saved]);

  // Whether focus is in the list; a row removed by navigating away keeps it true (no element took focus).
  const hasFocus = useRef(false);
  const focusedRow = useRef(0);
  useEffect(() => {
    // Captured now: React detaches refs before unmount cleanups run, the handle itself stays usable.
    const handle = list.current;
    focusedRow.current = saved?.snapshot.focusIndex ?? 0;
    return () => {
      const snapshot = handle?.getSnapshot();
      if (!snapshot) return;
      const saving: SavedList = {
        snapshot: { ...snapshot, focusIndex: focusedRow.current },
        hadFocus: hasFocus.current,
      };
      sessionStorage.setItem(SNAPSHOT_KEY, JSON.stringify(saving));
    };
  }, [saved]);

  const renderItem = (index: number) => {
    const item = itemAt(index);
    if (!item) return <div className="skeleton skeleton-row" />;
    return (
      <Link href={`/items/${item.id}`} className="catalog-link" tabIndex={-1}>
        <LazyImage
          src={imageUrl(item, 96, 'jpeg')}
          sources={imageSources(item, [96, 160])}
          sizes="64px"
          width={64}
          height={64}
          alt=""
          placeholder={{ color: item.color }}
          className="thumb"
        />
        <span className="catalog-name">{item.name}</span>
        <span className="catalog-meta">
          {item.category} · {formatPrice(item.price)}
        </span>
      </Link>
    );
  };

  return (
    <section className="page catalog">
      <LazyImage
        src={hero.src}
        sources={hero.sources}
        width={hero.width}
        // A banner crop of the photo: the box is reserved from the ratio before any byte arrives.
        aspectRatio="4/1"
        sizes={HERO_SIZES}
        alt="Shelves of products in the Pronto catalog"
        priority
        {...(hero.placeholder ? { placeholder: hero.placeholder } : {})}
        className="hero"
        style={{ width: '100%' }}
      />
      <h1 id="catalog-title">Catalog</h1>
      {error && (
        <p className="error" role="alert">
          Could not load the catalog: {error}{' '}
          <button type="button" className="button" onClick={retry}>
            Retry
          </button>
        </p>
      )}
      <div
        onFocus={() => {
          hasFocus.current = true;
        }}
        onBlur={(event) => {
          if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false;
        }}
      >
        <VirtualList
          ref={list}
          count={total ?? 0}
          itemSize={ROW_HEIGHT}
          // Enter on the focused row opens it (rows, not their links, are the keyboard's tab stop).
          onItemActivate={(index) => {
            const item = itemAt(index);
            if (item) navigate(`/items/${item.id}`);
          }}
          initialSnapshot={saved?.snapshot}
          onFocusIndexChange={(index) => {
            focusedRow.current = index;
          }}
          onRangeChange={(range) => ensureRange(range.startIndex, range.endIndex)}
          renderItem={renderItem}
          aria-labelledby="catalog-title"
          className="catalog-scroller"
          itemClassName="catalog-row"
        />
      </div>
    </section>
  );
}
