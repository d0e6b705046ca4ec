import type { ClickHouseStorageOptions } from '../storage/clickhouse/createClickHouseStorage.js';

/**
 * Reads `http[s]://[user[:password]@]host[:port][/database]` (the form of `--clickhouse` and `CLICKHOUSE_URL`)
 * into store options: the credentials and the database are taken out of the URL, so the password is sent as
 * ClickHouse's auth headers and the database names the tables, not the HTTP path.
 */
export function clickHouseOptionsFromUrl(text: string): ClickHouseStorageOptions {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a URL: "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`ClickHouse's HTTP interface is http: or https:, got "${url.protocol}"`);
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (database.includes('/')) throw new Error(`the path names one database, got "${url.pathname}"`);
  const options: ClickHouseStorageOptions = { url: url.origin };
  if (url.username) options.username = decodeURIComponent(url.username);
  if (url.password) options.password = decodeURIComponent(url.password);
  if (database) options.database = database;
  return options;
}
