// The API's own types: the client reads exactly what the server declares it sends.
import type { Item } from '../../server/catalog/Item';
export type { Item };
export type { Note as ServerNote } from '../../server/notes/Note';

export interface ItemPage {
  items: Item[];
  total: number;
  offset: number;
  limit: number;
}
