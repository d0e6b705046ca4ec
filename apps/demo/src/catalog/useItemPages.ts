import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { fetchItemPage } from './api';
import type { Item } from './types';

/** Items per API request. @default 100 */
export const PAGE_SIZE = 100;

/**
 * Loads the catalog in pages as rows come into view. Pages already loaded are kept; a page is requested
 * once however many rows of it are visible.
 */
export function useItemPages() {
  const pages = useRef(new Map<number, Item[]>());
  const inFlight = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);

  const loadPage = useCallback(async (page: number) => {
    if (pages.current.has(page) || inFlight.current.has(page)) return;
    inFlight.current.add(page);
    try {
      const result = await fetchItemPage(page * PAGE_SIZE, PAGE_SIZE);
      pages.current.set(page, result.items);
      // A transition: React renders the new rows in slices that yield to input instead of one long task
      // (Total Blocking Time on a slow phone). The rows' skeletons are already on screen meanwhile.
      startTransition(() => {
        setTotal(result.total);
        setError(null);
        setVersion((version) => version + 1);
      });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      inFlight.current.delete(page);
    }
  }, []);

  useEffect(() => {
    void loadPage(0);
  }, [loadPage]);

  /** Makes sure every page that holds a row in [start, end] is loaded. */
  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page += 1)
        void loadPage(page);
    },
    [loadPage],
  );

  const itemAt = useCallback(
    (index: number): Item | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );

  return { total, error, itemAt, ensureRange, retry: () => void loadPage(0) };
}
