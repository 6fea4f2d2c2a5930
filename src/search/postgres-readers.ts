import { Pool, type PoolConfig } from 'pg';
import type { Core } from '@strapi/strapi';
import type { SearchReaders } from './readers';

/**
 * PostgreSQL: searches run on a few connections of their own, with sequential scans off. The
 * planner, seeing a narrow index table, would often scan it whole and unpack every row's
 * out-of-line terms (a cost it does not count), several times slower than the terms index. Setting
 * that for each search instead (a transaction with SET LOCAL) costs three more round trips each.
 */
export const startPostgresReaders = (strapi: Core.Strapi, count: number | undefined): SearchReaders | undefined => {
  const connections = count ?? 4;
  if (connections === 0) return undefined;
  // Strapi's own connection settings (host, credentials, SSL…); `schema` is Strapi's, not pg's.
  const { schema: _schema, ...settings } = strapi.db.config.connection.connection as PoolConfig & { schema?: string };
  // Named, so that they can be told apart in pg_stat_activity.
  const pool = new Pool({ ...settings, max: connections, application_name: 'habitat-search', options: '-c enable_seqscan=off', allowExitOnIdle: true });
  // An idle connection that dies (a database restart) must not crash the server: the pool drops it.
  pool.on('error', (error) => strapi.log.warn(`Search connection lost: ${error.message}`));
  const knex = strapi.db.connection;
  return {
    all: async (sql, bindings) => {
      // knex numbers the placeholders as pg wants them ($1, $2…), as for its own queries.
      const native = knex.raw(sql, bindings as never).toSQL().toNative();
      return (await pool.query(native.sql, native.bindings as unknown[])).rows;
    },
    close: () => pool.end(),
  };
};
