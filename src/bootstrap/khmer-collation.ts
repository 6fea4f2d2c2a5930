import type { Core } from '@strapi/strapi';

const COLLATION = 'km-x-icu';
const SORTED_FIELDS = ['title', 'name'];

/**
 * On PostgreSQL, the localized title and name columns use ICU's Khmer collation, so that
 * `sort=title:asc&locale=km` follows Khmer alphabetical order (the same as Intl.Collator('km'))
 * instead of code-point order. Latin text keeps the usual ICU order under it. Applied on every
 * start (Strapi's schema sync does not manage collations), only where it is not already set.
 */
export const useKhmerCollation = async (strapi: Core.Strapi): Promise<void> => {
  if (strapi.db.dialect.client !== 'postgres') return;
  const knex = strapi.db.connection;
  const { rows } = (await knex.raw('SELECT 1 FROM pg_collation WHERE collname = ?', [COLLATION])) as { rows: unknown[] };
  if (rows.length === 0) {
    strapi.log.warn(`PostgreSQL has no ${COLLATION} collation (built without ICU?): Khmer lists sort by code point`);
    return;
  }
  for (const contentType of Object.values(strapi.contentTypes).filter((type) => type.uid.startsWith('api::'))) {
    const table = (contentType as unknown as { collectionName: string }).collectionName;
    for (const field of SORTED_FIELDS.filter((name) => (contentType.attributes as Record<string, { type: string }>)[name]?.type === 'string')) {
      const current = (await knex.raw(
        `SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?`,
        [table, field]
      )) as { rows: Array<{ collation_name: string | null }> };
      if (current.rows[0]?.collation_name === COLLATION) continue;
      await knex.raw(`ALTER TABLE ?? ALTER COLUMN ?? TYPE varchar(255) COLLATE "${COLLATION}"`, [table, field]);
    }
  }
};
