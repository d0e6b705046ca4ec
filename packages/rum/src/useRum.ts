import { useContext } from 'react';
import { RumContext } from './RumProvider.js';
import type { Rum } from './types.js';

/** The RUM client of the nearest `<RumProvider>`, e.g. to `track()` an app value. */
export function useRum(): Rum {
  const rum = useContext(RumContext);
  if (!rum) throw new Error('@pronto/rum/react: useRum() must be called inside <RumProvider>');
  return rum;
}
