import type { BeaconContext } from '../types.js';

/** The parts of `navigator` we read; not all browsers have them. */
interface NavigatorExtras {
  connection?: { effectiveType?: BeaconContext['effectiveType']; saveData?: boolean };
  deviceMemory?: number;
}

/**
 * Context for a beacon built now; `route` is the current route template. Device class comes from
 * the user agent: Android tablets lack "Mobile", and iPadOS claims to be a Mac with touch points.
 * @internal
 */
export function readContext(route: string, appVersion: string | undefined): BeaconContext {
  const nav = navigator as Navigator & NavigatorExtras;
  const { userAgent: ua, connection: c } = nav;
  return {
    route,
    appVersion,
    deviceClass:
      /iPad|Tablet|Android(?!.*Mobile)/i.test(ua) || (/Mac/.test(ua) && nav.maxTouchPoints > 1)
        ? 'tablet'
        : /Mobi/i.test(ua)
          ? 'mobile'
          : 'desktop',
    // Network Information returns exactly the four wire values; absent where unsupported.
    effectiveType: c?.effectiveType,
    deviceMemory: nav.deviceMemory ?? null,
    saveData: c?.saveData,
  };
}
