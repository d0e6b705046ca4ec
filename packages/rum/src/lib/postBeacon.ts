import type { StoredBeacon } from './outbox.js';

/**
 * POSTs a beacon as JSON text with `fetch` keepalive, even at hide: the request outlives the page,
 * and a page that is only hidden is still running and reads the answer, which `sendBeacon` never
 * gives. A string body goes as text/plain: a CORS "simple" request, no preflight to wait for.
 * The call happens synchronously (before any await), so it leaves even if the page is going away.
 * Resolves true when the beacon needs no retry: accepted (2xx), or refused for good (4xx other than
 * 408/429, where a resend would be refused again). A network error, a 5xx or a full keepalive quota
 * (64 KB in flight, w3c/beacon#38) resolve false.
 * @internal
 */
export const postBeacon = ({ url, beacon }: StoredBeacon): Promise<boolean> =>
  fetch(url, { method: 'POST', body: JSON.stringify(beacon), keepalive: true }).then(
    ({ status }) => status < 500 && status != 408 && status != 429,
    () => false,
  );
