import { LazyImage } from '@pronto/lazy-image';
import { imageSources, imageUrl } from '../catalog/api';
import { formatPrice } from '../catalog/formatPrice';
import { useItem } from '../catalog/useItem';
import { NotesPanel } from '../notes/NotesPanel';
import { PageSkeleton } from '../PageSkeleton';
import { Link } from '../router';

export default function ItemPage({ id }: { id: number }) {
  const state = useItem(id);
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'error') {
    return (
      <section className="page">
        <h1>{state.notFound ? 'No such product' : 'Could not load this product'}</h1>
        <p role="alert">{state.message}</p>
        <Link href="/">Back to the catalog</Link>
      </section>
    );
  }
  const { item } = state;
  return (
    <article className="page item">
      <Link href="/" className="back">
        ← Catalog
      </Link>
      <div className="item-layout">
        <LazyImage
          src={imageUrl(item, 320, 'jpeg')}
          sources={imageSources(item, [320, 640])}
          sizes="(max-width: 640px) 100vw, 320px"
          width={320}
          height={320}
          alt={item.name}
          priority
          placeholder={{ color: item.color }}
          className="item-image"
        />
        <div>
          <h1>{item.name}</h1>
          <p className="catalog-meta">
            {item.category} · {formatPrice(item.price)} · {item.rating.toFixed(1)} ★
          </p>
          <p>{item.description}</p>
        </div>
      </div>
      <NotesPanel itemId={item.id} />
    </article>
  );
}
