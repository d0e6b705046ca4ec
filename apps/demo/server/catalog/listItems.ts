import { CATALOG_SIZE, type Item } from './Item.js';
import { itemById } from './itemById.js';

/** One page of the catalog, as `GET /api/items` returns it. */
export interface ItemPage {
  items: Item[];
  /** Items matching the query: the whole catalog without `q`. */
  total: number;
  offset: number;
  limit: number;
}

/** What `listItems` reads. */
export interface ListItemsOptions {
  /** First item of the page, 0-based. */
  offset: number;
  /** Items per page. */
  limit: number;
  /** Case-insensitive substring of the name; empty or absent means the whole catalog. */
  q?: string | undefined;
}

let lowerCaseNames: string[] | undefined;

/** Built on the first search (~100k names, a few MB), then kept: a search must not rebuild every item. */
function namesIndex(): string[] {
  if (!lowerCaseNames) {
    lowerCaseNames = Array.from({ length: CATALOG_SIZE }, (_, index) =>
      (itemById(index + 1) as Item).name.toLowerCase(),
    );
  }
  return lowerCaseNames;
}

/** A page of items in id order, optionally filtered by name. */
export function listItems({ offset, limit, q }: ListItemsOptions): ItemPage {
  const needle = q?.trim().toLowerCase();
  if (!needle) {
    const items: Item[] = [];
    for (let id = offset + 1; id <= Math.min(offset + limit, CATALOG_SIZE); id++) items.push(itemById(id) as Item);
    return { items, total: CATALOG_SIZE, offset, limit };
  }
  const items: Item[] = [];
  let total = 0;
  const names = namesIndex();
  for (let index = 0; index < names.length; index++) {
    if (!(names[index] as string).includes(needle)) continue;
    if (total >= offset && items.length < limit) items.push(itemById(index + 1) as Item);
    total++;
  }
  return { items, total, offset, limit };
}
