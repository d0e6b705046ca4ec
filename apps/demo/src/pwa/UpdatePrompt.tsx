import { useRegisterSW } from 'virtual:pwa-register/react';
import { warmRuntimeCachesOnFirstVisit } from './warmRuntimeCaches';

/** How often an open tab asks the server for a new version. @default 3600000 (1 hour) */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and offers a reload when a new version is waiting. The new worker takes
 * over only when the user accepts, so a page never runs a mix of old and new chunks.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError(error) {
      // Offline use and background sync depend on it: say so instead of failing silently.
      console.error('[pronto] service worker registration failed', error);
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      warmRuntimeCachesOnFirstVisit();
      // Without periodic checks a long-lived tab would only learn of a deploy after a reload.
      const check = () => {
        if (navigator.onLine && document.visibilityState === 'visible') void registration.update();
      };
      setInterval(check, UPDATE_CHECK_INTERVAL_MS);
      document.addEventListener('visibilitychange', check);
    },
  });

  function acceptUpdate() {
    // workbox-window reloads on its own only when the page was controlled at load; a first visit that gets an
    // update in the same session must reload too, or it would keep running chunks the new worker no longer has.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  }

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      {needRefresh ? (
        <>
          <span>A new version is available.</span>
          <button type="button" className="button primary" onClick={acceptUpdate}>
            Reload
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>Ready to work offline.</span>
          <button type="button" className="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
