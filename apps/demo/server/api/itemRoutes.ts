import type { IncomingMessage, ServerResponse } from 'node:http';
import { CATALOG_SIZE, type Item } from '../catalog/Item.js';
import { itemById } from '../catalog/itemById.js';
import { listItems } from '../catalog/listItems.js';
import { HttpError } from '../http/HttpError.js';
import { sendJson } from '../http/sendJson.js';
import { integerParam, integerSegment } from './parseQuery.js';

/** Largest page `GET /api/items` serves. @default 200 */
export const MAX_PAGE_SIZE = 200;

// Revalidated on every use (cheap: ETag + 304) so that a catalog change on the server shows up at once.
const READ_CACHE = 'no-cache';

/** `GET /api/items?offset&limit&q` */
export async function getItemPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const offset = integerParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = integerParam(url, 'limit', 50, 1, MAX_PAGE_SIZE);
  const q = url.searchParams.get('q') ?? undefined;
  if (q !== undefined && q.length > 100) throw new HttpError(400, 'q must be at most 100 characters');
  await sendJson(req, res, 200, listItems({ offset, limit, q }), { cacheControl: READ_CACHE });
}

/** Finds an item from its path segment: 400 when not an integer, 404 when no such item. */
export function requireItem(segment: string): Item {
  const id = integerSegment(segment, 'Item id');
  const item = itemById(id);
  if (!item) throw new HttpError(404, `Item ${id} does not exist (ids run from 1 to ${CATALOG_SIZE})`);
  return item;
}

/** `GET /api/items/:id` */
export async function getItem(req: IncomingMessage, res: ServerResponse, idSegment: string): Promise<void> {
  await sendJson(req, res, 200, requireItem(idSegment), { cacheControl: READ_CACHE });
}
