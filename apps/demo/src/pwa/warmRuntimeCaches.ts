// On the first visit the page fetches its data before the service worker controls it, so none of it lands
// in the runtime caches, and an offline reload would find the shell but no data. Once the worker is
// active, hand it the API URLs this page already used; Workbox's router fetches and caches each through
// its own route (CACHE_URLS message).

/** Whether a resource URL is data this app may need offline. */
function isCacheableApiUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === window.location.origin && parsed.pathname.startsWith('/api/');
}

export function warmRuntimeCachesOnFirstVisit(): void {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  void navigator.serviceWorker.ready.then((registration) => {
    const urls = [
      ...new Set(
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter(isCacheableApiUrl),
      ),
    ];
    if (urls.length) registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: urls } });
  });
}
