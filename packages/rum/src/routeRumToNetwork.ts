/** A static routing rule (the Service Worker static routing API; not in TypeScript's lib yet). */
interface RouterRule {
  condition: { urlPattern: Record<string, string> };
  source: 'network';
}

/** The part of a service worker's `InstallEvent` this needs. `addRoutes` exists in Chromium 123+ only. */
export interface RumInstallEvent {
  waitUntil(promise: Promise<unknown>): void;
  addRoutes?: (rules: RouterRule | RouterRule[]) => Promise<void>;
}

/** Characters with a meaning in a URL pattern, matched literally once escaped (IPv6 hosts have colons). */
const escapePattern = (text: string): string => text.replace(/[\\:*(){}+?]/g, '\\$&');

/**
 * For the `install` listener of a service worker that has a fetch handler (Workbox, any router):
 * sends the requests to the collector straight to the network, never through the worker.
 *
 * Why: Chromium loses a keepalive request that an unloading page sends (tab closed, navigation
 * away) when a service worker intercepts it, even one that leaves it to the network; that is the
 * beacon of the page's last moments. Static routing takes the collector out of the worker's
 * hands before the request starts. Browsers without static routing are left as they are.
 *
 * Never fails the install: a rule the browser refuses leaves the worker as it was.
 * @param endpoint the URL pages post beacons to, relative to the worker's location. @default '/rum/collect'
 * @returns false when this browser has no static routing or refused the rule at once.
 * @example
 * self.addEventListener('install', (event) => routeRumToNetwork(event));
 */
export function routeRumToNetwork(event: RumInstallEvent, endpoint = '/rum/collect'): boolean {
  if (typeof event.addRoutes != 'function') return false;
  const url = new URL(endpoint, location.href);
  const rule: RouterRule = {
    condition: {
      urlPattern: {
        protocol: url.protocol.slice(0, -1),
        hostname: escapePattern(url.hostname),
        port: url.port,
        pathname: escapePattern(url.pathname),
        search: '*',
        hash: '*',
      },
    },
    source: 'network',
  };
  try {
    event.waitUntil(event.addRoutes(rule).catch(() => undefined));
    return true;
  } catch {
    // A rule this browser cannot parse: the worker keeps handling the collector's requests.
    return false;
  }
}
