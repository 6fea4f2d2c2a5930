import type { Core } from '@strapi/strapi';

/**
 * SQLite keeps only 2 MB of pages in memory by default, so a search or list touching a few thousand
 * rows reads most of them from the file again on every request. Strapi's SQLite pool holds a single
 * connection, so setting the page cache once at start lasts for the process.
 */
export const enlargeSqlitePageCache = async (strapi: Core.Strapi): Promise<void> => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw(`PRAGMA cache_size = -${strapi.config.get<number>('sqlite.cacheMegabytes') * 1024}`);
};
