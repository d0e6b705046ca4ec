/** Core Web Vitals and friends that a beacon can carry. */
export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';

/** Every vital name, in display order. */
export const VITAL_NAMES: readonly VitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];

/** Device classes a client reports. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Network Information API `effectiveType`, or "unknown". */
export type EffectiveType = 'slow-2g' | '2g' | '3g' | '4g' | 'unknown';

/** web-vitals rating of a single sample. */
export type Rating = 'good' | 'needs-improvement' | 'poor';

/** Page-view context sent with every beacon (wire format v1). */
export interface BeaconContext {
  route: string;
  appVersion?: string;
  deviceClass: DeviceClass;
  effectiveType?: EffectiveType;
  deviceMemory?: number | null;
  saveData?: boolean;
}

/** One web-vitals report (wire format v1). */
export interface VitalEvent {
  type: 'vital';
  name: VitalName;
  id: string;
  value: number;
  delta: number;
  rating: Rating;
  navigationType: string;
  navigationURL?: string;
  route: string;
  t: number;
  attribution?: Record<string, string | number>;
}

/** A custom timing reported by the app (wire format v1). */
export interface CustomEvent {
  type: 'custom';
  name: string;
  value: number;
  route: string;
  t: number;
}

/** Any event a beacon can carry. */
export type BeaconEvent = VitalEvent | CustomEvent;

/** A validated beacon, exactly as @pronto/rum sends it (wire format v1). */
export interface Beacon {
  v: 1;
  pageViewId: string;
  seq: number;
  sentAt: number;
  dropped?: number;
  context: BeaconContext;
  events: BeaconEvent[];
}
