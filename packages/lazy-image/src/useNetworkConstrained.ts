import { useSyncExternalStore } from 'react';
import { isConstrainedNetwork, type ConnectionLike } from './isConstrainedNetwork.js';
import type { NetworkMode } from './types.js';

type Connection = ConnectionLike & EventTarget;

// Only called in the browser: React uses the server snapshot while rendering on the server.
const connection = (): Connection | undefined => (navigator as { connection?: Connection }).connection;

function subscribe(onChange: () => void): () => void {
  const conn = connection();
  conn?.addEventListener('change', onChange);
  return () => conn?.removeEventListener('change', onChange);
}

const readConstrained = (): boolean => isConstrainedNetwork(connection());
// The server cannot know the client's network; hydration starts from "not constrained" and React re-renders.
const serverConstrained = (): boolean => false;

/** Whether to save bytes, following `navigator.connection` live unless the app forces a mode. */
export function useNetworkConstrained(mode: NetworkMode = 'auto'): boolean {
  const auto = useSyncExternalStore(subscribe, readConstrained, serverConstrained);
  return mode === 'auto' ? auto : mode === 'constrained';
}
