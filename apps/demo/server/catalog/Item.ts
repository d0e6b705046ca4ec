/** One product of the demo catalog, as `GET /api/items` and `GET /api/items/:id` return it. */
export interface Item {
  /** 1 to {@link CATALOG_SIZE}. */
  id: number;
  name: string;
  category: string;
  /** Price in cents. */
  price: number;
  /** 0 to 5, one decimal. */
  rating: number;
  description: string;
  /** The image's dominant colour, `#rrggbb`: a placeholder while the image loads. */
  color: string;
  /** `/api/images/<id>`; add `?w=<width>&format=<avif|webp|jpeg>`. */
  image: string;
}

/** How many items the catalog holds; ids run from 1 to this. */
export const CATALOG_SIZE = 100_000;
