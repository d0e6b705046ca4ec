/** The parts of the Network Information API we read (Chromium only; other browsers have no `navigator.connection`). */
export interface ConnectionLike {
  saveData?: boolean;
  effectiveType?: string;
}

// slow-2g, 2g and 3g; 3g counts as slow: its typical 1.5 Mbps downlink makes a 2x hero take seconds.
const SLOW_TYPE = /^(slow-2g|2g|3g)$/;

/** True when the user asked to save data or the connection is slow (slow-2g, 2g, 3g). */
export function isConstrainedNetwork(connection: ConnectionLike | undefined): boolean {
  if (!connection) return false;
  return connection.saveData === true || SLOW_TYPE.test(connection.effectiveType ?? '');
}
