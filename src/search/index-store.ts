import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The search index: one row per published version (document × locale) in `search_entries`, with
 * the original text (for answers and snippets) and its normalised form (for matching). Matching is
 * substring search over `all_n` (title, summary and body, normalised), served by a trigram index:
 * pg_trgm (GIN) on PostgreSQL, an FTS5 trigram table on SQLite.
 */
export const TABLE = 'search_entries';
const FTS_TABLE = 'search_entries_fts';

export interface IndexRow {
  type: string;
  document_id: string;
  locale: string;
  slug: string | null;
  title: string;
  summary: string;
  body: string;
  title_n: string;
  summary_n: string;
  all_n: string;
  published_at: string | Date | null;
}

export const isPostgres = (strapi: Core.Strapi): boolean => strapi.db.dialect.client === 'postgres';

/** Creates the index tables if they are missing (every start; idempotent). */
export const ensureIndexTables = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.string('type', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('slug', 255);
      // Before the long texts: ranking reads it for every match, and SQLite then stops reading the
      // record before its overflow pages.
      table.timestamp('published_at', { useTz: true });
      table.text('title_n').notNullable();
      table.text('summary_n').notNullable();
      table.text('title').notNullable();
      table.text('summary').notNullable();
      table.text('body').notNullable();
      // On SQLite the normalised text to match lives in the FTS5 table instead.
      if (isPostgres(strapi)) table.text('all_n').notNullable();
      // Serves the fallback's "has a version in an earlier locale" check (all three columns).
      table.index(['document_id', 'type', 'locale'], `${TABLE}_document_idx`);
      table.index(['locale', 'type'], `${TABLE}_locale_idx`);
    });
  }
  if (isPostgres(strapi)) {
    // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_trgm_idx ON ${TABLE} USING gin (all_n gin_trgm_ops)`);
  } else {
    await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(all_n, tokenize = 'trigram')`);
  }
};

/** Replaces the rows of one document (every locale) inside the given transaction. */
export const replaceDocumentRows = async (strapi: Core.Strapi, trx: Knex, type: string, documentId: string, rows: IndexRow[]): Promise<void> => {
  await deleteRows(strapi, trx, (query) => query.where({ type, document_id: documentId }));
  await insertRows(strapi, trx, rows);
};

export const deleteRows = async (strapi: Core.Strapi, trx: Knex, where: (query: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<void> => {
  if (!isPostgres(strapi)) {
    const ids = where(trx(TABLE).select('id'));
    await trx(FTS_TABLE).whereIn('rowid', ids).delete();
  }
  await where(trx(TABLE)).delete();
};

/** Drops the index tables (an index built by another version may have another shape). */
export const dropIndexTables = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  if (!isPostgres(strapi)) await knex.raw(`DROP TABLE IF EXISTS ${FTS_TABLE}`);
  await knex.schema.dropTableIfExists(TABLE);
};

export const clearIndex = async (strapi: Core.Strapi, trx: Knex): Promise<void> => {
  await trx(TABLE).delete();
  if (!isPostgres(strapi)) await trx(FTS_TABLE).delete();
};

export const insertRows = async (strapi: Core.Strapi, trx: Knex, rows: IndexRow[]): Promise<void> => {
  for (const row of rows) {
    if (isPostgres(strapi)) {
      await trx(TABLE).insert(row);
    } else {
      const { all_n, ...entry } = row;
      const [inserted] = await trx(TABLE).insert(entry).returning('id');
      const id = typeof inserted === 'object' ? (inserted as { id: number }).id : inserted;
      await trx(FTS_TABLE).insert({ rowid: id, all_n });
    }
  }
};

export const countRows = async (strapi: Core.Strapi): Promise<number> => {
  const [{ count }] = await strapi.db.connection(TABLE).count({ count: '*' });
  return Number(count);
};
