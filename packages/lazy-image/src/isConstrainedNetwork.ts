/** The parts of the Network Information API we read (Chromium only; other browsers have no `navigator.connection`). */
export interface ConnectionLike {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * True when the user asked to save data or the connection is slow (slow-2g, 2g, 3g).
 * 3g counts as slow: its typical 1.5 Mbps downlink makes a 2x hero take seconds.
 */
export function isConstrainedNetwork(connection: ConnectionLike | undefined): boolean {
  return !!connection?.saveData || /^(slow-2g|[23]g)$/.test(connection?.effectiveType ?? '');
}
