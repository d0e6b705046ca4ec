import { VITAL_NAMES, type DeviceClass, type EffectiveType, type VitalName } from '../beacon.js';
import { parseDuration } from '../parseDuration.js';
import type { Dimension, QueryFilter } from '../storage/types.js';

const DEVICES: readonly string[] = ['mobile', 'tablet', 'desktop'];
const CONNECTIONS: readonly string[] = ['slow-2g', '2g', '3g', '4g', 'unknown'];
const DIMENSIONS: readonly string[] = ['route', 'deviceClass', 'connection'];

/** A filter parsed from a query string, plus the window length it covers. */
export interface ParsedFilter {
  filter: QueryFilter & { from: number; to: number };
  windowMs: number;
  groupBy: Dimension[];
}

/**
 * Reads `window` (e.g. 7d, default 7d), `route`, `device`, `connection`, `metric`, `groupBy` from a URL's query.
 * Throws an Error with a readable message on a bad value (the API turns it into a 400).
 */
export function parseQueryFilter(params: URLSearchParams, now = Date.now()): ParsedFilter {
  const windowMs = parseDuration(params.get('window') ?? '7d');
  if (windowMs <= 0 || windowMs > 400 * 86_400_000) throw new Error('window must be between 1ms and 400d');
  const filter: ParsedFilter['filter'] = { from: now - windowMs, to: now + 1 };
  const route = params.get('route');
  if (route) filter.route = route.slice(0, 256);
  const device = params.get('device');
  if (device) {
    if (!DEVICES.includes(device)) throw new Error(`device must be one of ${DEVICES.join(', ')}`);
    filter.deviceClass = device as DeviceClass;
  }
  const connection = params.get('connection');
  if (connection) {
    if (!CONNECTIONS.includes(connection)) throw new Error(`connection must be one of ${CONNECTIONS.join(', ')}`);
    filter.connection = connection as EffectiveType;
  }
  const metric = params.get('metric');
  if (metric) {
    if (!(VITAL_NAMES as readonly string[]).includes(metric))
      throw new Error(`metric must be one of ${VITAL_NAMES.join(', ')}`);
    filter.metric = metric as VitalName;
  }
  const groupBy = (params.get('groupBy') ?? '').split(',').filter(Boolean);
  for (const d of groupBy) {
    if (!DIMENSIONS.includes(d)) throw new Error(`groupBy must list ${DIMENSIONS.join(', ')}`);
  }
  return { filter, windowMs, groupBy: groupBy as Dimension[] };
}
