import type { Core } from '@strapi/strapi';
import { startPostgresReaders } from './postgres-readers';
import { startSqliteReaders } from './sqlite-readers';

/** Connections that only run searches (`sqlite-readers.ts`, `postgres-readers.ts`). */
export interface SearchReaders {
  all(sql: string, bindings: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}


const running = new WeakMap<Core.Strapi, SearchReaders>();

/** Starts the search connections of this app (at bootstrap, once the index exists). */
export const openSearchReaders = (strapi: Core.Strapi): void => {
  // SEARCH_READERS (config/search.ts): how many; undefined: the database's default; 0: none.
  const count = strapi.config.get<number | undefined>('search.readers');
  const readers = strapi.db.dialect.client === 'postgres' ? startPostgresReaders(strapi, count) : startSqliteReaders(strapi, count);
  if (readers) running.set(strapi, readers);
};

export const closeSearchReaders = async (strapi: Core.Strapi): Promise<void> => {
  await running.get(strapi)?.close();
  running.delete(strapi);
};

/**
 * Runs a read-only query on a search connection when there are some, else on Strapi's connection;
 * also there if a search connection fails (a search must not fail for want of one).
 */
export const readRows = async (strapi: Core.Strapi, sql: string, bindings: unknown[]): Promise<unknown[]> => {
  const readers = running.get(strapi);
  if (readers) {
    try {
      return await readers.all(sql, bindings);
    } catch (error) {
      strapi.log.warn(`Search connection failed, searching on the main connection: ${(error as Error).message}`);
    }
  }
  const result: unknown = await strapi.db.connection.raw(sql, bindings as never);
  // knex.raw answers `{ rows }` on PostgreSQL and the rows themselves on SQLite.
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
};
