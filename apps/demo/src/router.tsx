import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A router for two routes does not need a library: the History API and one external store cost ~40 lines
// instead of ~20 kB on the initial load.

type Listener = () => void;
const listeners = new Set<Listener>();

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** Client-side navigation; `replace` rewrites the current history entry instead of adding one. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export type Route = { name: 'catalog' } | { name: 'item'; id: number } | { name: 'not-found' };

/** Maps a pathname onto the app's routes. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/') return { name: 'catalog' };
  const item = /^\/items\/(\d{1,9})\/?$/.exec(pathname);
  if (item?.[1]) return { name: 'item', id: Number(item[1]) };
  return { name: 'not-found' };
}

/** An <a> that navigates without a reload, but keeps modifier-clicks (new tab, download) native. */
export function Link({ href, onClick, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  }
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
