import type { Core } from '@strapi/strapi';

/** Site search (src/search). */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const readers = env('SEARCH_READERS', '');
  return {
    // Connections that only run searches; undefined (unset): the database's default (SQLite: one
    // worker thread per core, at most 4; PostgreSQL: a pool of 4); 0: Strapi's own connection.
    readers: readers === '' ? undefined : Math.max(0, Math.floor(Number(readers)) || 0),
  };
};
