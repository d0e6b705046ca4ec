import { createContext, useLayoutEffect, type ReactNode } from 'react';
import type { Rum } from './types.js';

/** @internal */
export const RumContext = createContext<Rum | null>(null);

/** Props of {@link RumProvider}. */
export interface RumProviderProps {
  /** The client from `createRum()`, created once at module level so vitals observe from the start. */
  rum: Rum;
  /**
   * The current route's URL or path (e.g. `location.pathname` from your router). Each change is
   * reported as a soft navigation: later events carry the new route.
   * @default undefined (route changes are not tracked)
   */
  route?: string;
  children?: ReactNode;
}

/** Makes a RUM client available to `useRum()` and reports route changes as soft navigations. */
export function RumProvider({ rum, route, children }: RumProviderProps): ReactNode {
  // A layout effect runs before every passive effect of the commit, children's included, so what
  // the new route's components track in useEffect already carries the new route.
  useLayoutEffect(() => {
    if (route != null) rum.setRoute(route);
  }, [rum, route]);
  // `.Provider` rather than React 19's `<Context value>`: the package supports React 18 too.
  return <RumContext.Provider value={rum}>{children}</RumContext.Provider>;
}
