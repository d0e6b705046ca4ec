import { RumProvider } from '@pronto/rum/react';
import { lazy, Suspense } from 'react';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { Link, matchRoute, usePathname } from './router';
import { PageSkeleton } from './PageSkeleton';
import { rum } from './rum';
import { useOnline } from './useOnline';

// Each route is its own chunk: the first visit downloads only what it renders.
const CatalogPage = lazy(() => import('./routes/CatalogPage'));
const ItemPage = lazy(() => import('./routes/ItemPage'));

export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const online = useOnline();
  return (
    <RumProvider rum={rum} route={pathname}>
      <header className="app-header">
        <Link href="/" className="brand">
          Pronto Catalog
        </Link>
        <span className={online ? 'net online' : 'net offline'} role="status">
          {online ? 'Online' : 'Offline: changes are saved and sent later'}
        </span>
      </header>
      <main className="app-main">
        <Suspense fallback={<PageSkeleton />}>
          {route.name === 'catalog' && <CatalogPage />}
          {route.name === 'item' && <ItemPage key={route.id} id={route.id} />}
          {route.name === 'not-found' && (
            <section className="page">
              <h1>Page not found</h1>
              <Link href="/">Back to the catalog</Link>
            </section>
          )}
        </Suspense>
      </main>
      <footer className="app-footer">
        Version <span data-testid="build-id">{__BUILD_ID__}</span>
      </footer>
      <UpdatePrompt />
    </RumProvider>
  );
}
