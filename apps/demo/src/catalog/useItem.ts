import { useEffect, useState } from 'react';
import { ApiError, fetchItem } from './api';
import type { Item } from './types';

export type ItemState =
  { status: 'loading' } | { status: 'ready'; item: Item } | { status: 'error'; message: string; notFound: boolean };

/** One catalog item, loaded by id. */
export function useItem(id: number): ItemState {
  const [state, setState] = useState<ItemState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchItem(id, controller.signal)
      .then((item) => setState({ status: 'ready', item }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          notFound: error instanceof ApiError && error.status === 404,
        });
      });
    return () => controller.abort();
  }, [id]);
  return state;
}
