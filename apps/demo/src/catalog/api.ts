import type { Item, ItemPage } from './types';

/** Thrown for a non-2xx answer, with the server's own `{ error }` message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal: signal ?? null, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export function fetchItemPage(offset: number, limit: number, signal?: AbortSignal): Promise<ItemPage> {
  return getJson(`/api/items?offset=${offset}&limit=${limit}`, signal);
}

export function fetchItem(id: number, signal?: AbortSignal): Promise<Item> {
  return getJson(`/api/items/${id}`, signal);
}

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/** URL of an item image at one of the server's widths. */
export function imageUrl(item: Pick<Item, 'image'>, width: number, format: ImageFormat): string {
  return `${item.image}?w=${width}&format=${format}`;
}

/** `<picture>` sources for an item image: AVIF, then WebP, at the given widths (JPEG is the `src`). */
export function imageSources(item: Pick<Item, 'image'>, widths: readonly number[]): { type: string; srcset: string }[] {
  return (['avif', 'webp'] as const).map((format) => ({
    type: `image/${format}`,
    srcset: widths.map((width) => `${imageUrl(item, width, format)} ${width}w`).join(', '),
  }));
}
