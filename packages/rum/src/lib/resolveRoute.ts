// Numbers, tokens of 8+ characters that contain a digit (UUIDs, hashes, numbered slugs) and
// anything with an @ (e-mail addresses must never become a route).
const ID_LIKE = /^\d+$|^(?=.*\d)[\w-]{8,}$|@/;

/**
 * The default route template: the path only (query string and hash never leave the page) and,
 * with `collapseIds`, id-like segments replaced by `:id` (`/items/42` -> `/items/:id`).
 */
export const resolveRoute = (url: URL, collapseIds = true): string =>
  collapseIds ? url.pathname.replace(/[^/]+/g, (s) => (ID_LIKE.test(s) ? ':id' : s)) : url.pathname;
