/**
 * POSTs one beacon body (JSON text). With `beacon` (page being hidden) `navigator.sendBeacon` goes
 * first: its text/plain string body needs no CORS preflight and survives the page; it returns false
 * when the page's 64 KB keepalive quota is used up (w3c/beacon#38), and then fetch keepalive tries.
 * Both are called synchronously (before any await), so they leave even if the page is going away.
 * Resolves true when the beacon needs no retry: handed to sendBeacon, accepted (2xx), or refused
 * for good (4xx other than 408/429, where a resend would be refused again).
 * @internal
 */
export async function sendBody(url: string, body: string, beacon?: boolean): Promise<boolean> {
  try {
    if (beacon && navigator.sendBeacon(url, body)) return true;
  } catch {
    // Some browsers throw on a blocked URL; fetch below gets its chance.
  }
  // A string body goes as text/plain, like sendBeacon's: a CORS "simple" request, no preflight.
  return fetch(url, { method: 'POST', body, keepalive: true }).then(
    ({ status }) => status < 500 && status != 408 && status != 429,
    () => false,
  );
}
