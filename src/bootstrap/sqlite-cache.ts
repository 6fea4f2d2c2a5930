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

/**
 * Write-ahead log instead of SQLite's default rollback journal. A commit then appends to one file
 * and syncs it once, instead of writing, syncing and deleting a journal and syncing the database:
 * better-sqlite3 runs on the event loop, so with the rollback journal every save of an editor or
 * translator held up every reader for the length of those syncs (a draft save cost 84 ms of the
 * process's time, 56 ms with the log; npm run bench:editorial). `synchronous = FULL` keeps every
 * committed save on disk through a power cut. Readers in other connections (the search workers, a
 * second process) no longer wait for a writer either. The mode is stored in the database file.
 */
export const useWriteAheadLog = async (strapi: Core.Strapi): Promise<void> => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
  await strapi.db.connection.raw('PRAGMA synchronous = FULL');
};
