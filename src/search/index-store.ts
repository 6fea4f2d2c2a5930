import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { khmerBytes, otherWords, tsvectorLiteral } from './terms';

/**
 * The search index: one row per published version (document × locale) in `search_entries`, with
 * what filtering and ranking read; the text shown in answers and snippets in `search_texts` (read for
 * a page of results only); and the index terms (`terms.ts`) in an inverted index: a GIN-indexed
 * tsvector column on PostgreSQL, an FTS5 table with a column per field on SQLite (rowid = entry id).
 *
 * What ranking reads: on SQLite the normalised title and summary. On PostgreSQL, which reads the row
 * of every match, the rows are kept narrow: each field's Khmer words in one byte per character
 * (`khmerBytes`: also where long Khmer query words are checked, hence the body too), and the other
 * words of the title and summary as text (`otherWords`; other words need no check).
 */
export const TABLE = 'search_entries';
export const TEXTS_TABLE = 'search_texts';
export const TERMS_TABLE = 'search_terms';
/** PostgreSQL: each field's Khmer words (`khmerBytes`). */
const KHMER_COLUMNS = ['title_k', 'summary_k', 'body_k'];
/** Tables of earlier index versions, dropped on a version change. */
const LEGACY_TABLES = ['search_entries_fts'];

export interface IndexRow {
  type: string;
  document_id: string;
  locale: string;
  slug: string | null;
  title: string;
  summary: string;
  body: string;
  /** Normalised title, summary and body. */
  title_n: string;
  summary_n: string;
  body_n: string;
  /** Index terms of each field, in text order (`terms.ts`). */
  terms: { title: string[]; summary: string[]; body: string[] };
  published_at: string | Date | null;
}

export const isPostgres = (strapi: Core.Strapi): boolean => strapi.db.dialect.client === 'postgres';

/** Creates the index tables if they are missing (every start; idempotent). */
export const ensureIndexTables = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  const postgres = isPostgres(strapi);
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.string('type', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('slug', 255);
      table.timestamp('published_at', { useTz: true });
      table.text('title_n').notNullable();
      table.text('summary_n').notNullable();
      if (postgres) {
        for (const field of KHMER_COLUMNS) table.binary(field).notNullable();
        table.specificType('terms', 'tsvector').notNullable();
      }
      // Serves the fallback's "has a version in an earlier locale" check (all three columns).
      table.index(['document_id', 'type', 'locale'], `${TABLE}_document_idx`);
    });
    if (postgres) {
      // The terms are only read through their index: they go out of line first, and what is read
      // for every match stays in the row, uncompressed.
      const inRow = ['title_n', 'summary_n', ...KHMER_COLUMNS].map((column) => `ALTER COLUMN ${column} SET STORAGE MAIN`);
      await knex.raw(`ALTER TABLE ${TABLE} ALTER COLUMN terms SET STORAGE EXTERNAL, ${inRow.join(', ')}, SET (toast_tuple_target = 8160)`);
      await knex.raw(`CREATE INDEX ${TABLE}_terms_idx ON ${TABLE} USING gin (terms)`);
    }
  }
  if (!(await knex.schema.hasTable(TEXTS_TABLE))) {
    await knex.schema.createTable(TEXTS_TABLE, (table) => {
      table.integer('id').primary();
      table.text('title').notNullable();
      table.text('summary').notNullable();
      table.text('body').notNullable();
    });
  }
  if (!postgres) {
    // Marks (M*) are word characters: without them a Khmer cluster would be cut into letters.
    await knex.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${TERMS_TABLE} USING fts5(title, summary, body, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '_'")`
    );
  }
};

/** Replaces the rows of one document (every locale) inside the given transaction. */
export const replaceDocumentRows = async (strapi: Core.Strapi, trx: Knex, type: string, documentId: string, rows: IndexRow[]): Promise<void> => {
  await deleteRows(strapi, trx, (query) => query.where({ type, document_id: documentId }));
  await insertRows(strapi, trx, rows);
};

export const deleteRows = async (strapi: Core.Strapi, trx: Knex, where: (query: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<void> => {
  const ids = where(trx(TABLE).select('id'));
  if (!isPostgres(strapi)) await trx(TERMS_TABLE).whereIn('rowid', ids).delete();
  await trx(TEXTS_TABLE).whereIn('id', ids).delete();
  await where(trx(TABLE)).delete();
};

/** Drops the index tables (an index built by another version may have another shape). */
export const dropIndexTables = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  for (const table of [...LEGACY_TABLES, TERMS_TABLE, TEXTS_TABLE, TABLE]) await knex.raw(`DROP TABLE IF EXISTS ${table}`);
};

export const clearIndex = async (strapi: Core.Strapi, trx: Knex): Promise<void> => {
  await trx(TABLE).delete();
  await trx(TEXTS_TABLE).delete();
  if (!isPostgres(strapi)) await trx(TERMS_TABLE).delete();
};

export const insertRows = async (strapi: Core.Strapi, trx: Knex, rows: IndexRow[]): Promise<void> => {
  const postgres = isPostgres(strapi);
  for (const { title, summary, body, terms, body_n, ...entry } of rows) {
    const [inserted] = await trx(TABLE)
      .insert(
        postgres
          ? {
              ...entry,
              title_n: otherWords(entry.title_n),
              summary_n: otherWords(entry.summary_n),
              title_k: khmerBytes(entry.title_n),
              summary_k: khmerBytes(entry.summary_n),
              body_k: khmerBytes(body_n),
              terms: trx.raw('?::tsvector', [tsvectorLiteral([...terms.title, ...terms.summary, ...terms.body])]),
            }
          : entry
      )
      .returning('id');
    const id = typeof inserted === 'object' ? (inserted as { id: number }).id : inserted;
    await trx(TEXTS_TABLE).insert({ id, title, summary, body });
    if (!postgres) await trx(TERMS_TABLE).insert({ rowid: id, title: terms.title.join(' '), summary: terms.summary.join(' '), body: terms.body.join(' ') });
  }
};

export const countRows = async (strapi: Core.Strapi): Promise<number> => {
  const [{ count }] = await strapi.db.connection(TABLE).count({ count: '*' });
  return Number(count);
};
