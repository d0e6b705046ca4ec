import type { summarize } from '../../src/analysis/summarize.js';

/** The body of GET <base>/api/summary. */
export type Summary = Awaited<ReturnType<typeof summarize>>;

/** Current filter values (empty string = all). */
export interface Filters {
  window: string;
  refresh?: string;
  route: string;
  device: string;
  connection: string;
}

/** Reads filters from the page URL so views can be shared as links. */
export function readFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  return {
    window: q.get('window') || '7d',
    route: q.get('route') ?? '',
    device: q.get('device') ?? '',
    connection: q.get('connection') ?? '',
    ...(q.get('refresh') ? { refresh: q.get('refresh')! } : {}),
  };
}

/** Query string of the non-empty filters. */
export function toQuery(filters: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v && k !== 'refresh') q.set(k, v);
  return q.toString();
}

/** Fetches the summary relative to the page, so the dashboard works under any base path. */
export async function fetchSummary(filters: Filters): Promise<Summary> {
  const res = await fetch(`api/summary?${toQuery(filters)}`, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as Summary | { error: string };
  if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : `HTTP ${res.status}`);
  return body;
}
