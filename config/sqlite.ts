import type { Core } from '@strapi/strapi';

/** SQLite connections (Strapi's, src/bootstrap/sqlite-cache.ts, and the search readers', src/search/sqlite-readers.ts). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Page cache per connection, in MB (SQLite's own default is 2); at least 2.
  cacheMegabytes: Math.max(2, Math.floor(Number(env('DATABASE_SQLITE_CACHE_MB', '')) || 64)),
});
