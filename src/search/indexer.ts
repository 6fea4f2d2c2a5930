import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { INDEXED_TYPES, SEARCH_TYPES, plainText, type IndexedType } from './indexed-types';
import { TABLE, clearIndex, countRows, dropIndexTables, ensureIndexTables, insertRows, isPostgres, replaceDocumentRows, type IndexRow } from './index-store';
import { normalise } from './normalise';
import { indexTerms } from './terms';

/**
 * Bumped whenever the normaliser or what is indexed changes: a start with an index built by
 * another version rebuilds it.
 */
export const INDEX_VERSION = 4;
const VERSION_KEY = 'search-index-version';

type Version = Record<string, unknown> & { documentId: string; locale: string; slug?: string | null; publishedAt?: string | Date | null };

const componentFields = (strapi: Core.Strapi, config: IndexedType): string[] => {
  const attributes = strapi.getModel(config.uid).attributes as Record<string, { type: string }>;
  return [...config.summary, ...config.body].filter((field) => ['component', 'dynamiczone'].includes(attributes[field]?.type));
};

const toRow = (type: string, config: IndexedType, version: Version): IndexRow => {
  const title = plainText(version[config.title]);
  const summary = config.summary.map((field) => plainText(version[field])).filter(Boolean).join('\n');
  const body = config.body.map((field) => plainText(version[field])).filter(Boolean).join('\n');
  const [titleN, summaryN, bodyN] = [title, summary, body].map(normalise);
  return {
    type,
    document_id: version.documentId,
    locale: version.locale,
    slug: version.slug ?? null,
    title,
    summary,
    body,
    title_n: titleN,
    summary_n: summaryN,
    body_n: bodyN,
    terms: { title: indexTerms(titleN), summary: indexTerms(summaryN), body: indexTerms(bodyN) },
    published_at: version.publishedAt ?? null,
  };
};

/** The published versions (every locale) of some documents of a type, with what is indexed. */
const publishedVersions = async (strapi: Core.Strapi, config: IndexedType, where: Record<string, unknown>, page?: { offset: number; limit: number }): Promise<Version[]> =>
  (await strapi.db.query(config.uid).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    populate: Object.fromEntries(componentFields(strapi, config).map((field) => [field, true])),
    // By locale: a search reads the rows of one locale, fewer pages when they lie together.
    orderBy: [{ locale: 'asc' }, { id: 'asc' }],
    ...(page ?? {}),
  })) as Version[];

/**
 * Makes the index rows of one document match its published versions (none after an unpublish or a
 * delete). Runs in the caller's transaction when there is one, so the index commits with the content.
 */
export const reindexDocument = async (strapi: Core.Strapi, type: string, documentId: string): Promise<void> => {
  const config = INDEXED_TYPES[type];
  await strapi.db.transaction(async ({ trx }) => {
    const versions = await publishedVersions(strapi, config, { documentId });
    await replaceDocumentRows(strapi, trx as unknown as Knex, type, documentId, versions.map((version) => toRow(type, config, version)));
  });
};

const BATCH = 200;

/** Rebuilds the whole index from the published content, in one transaction; reports progress. */
export const rebuildIndex = async (strapi: Core.Strapi, progress: (message: string) => void = () => {}): Promise<number> => {
  await ensureIndexTables(strapi);
  let total = 0;
  await strapi.db.transaction(async ({ trx }) => {
    await clearIndex(strapi, trx as unknown as Knex);
    for (const type of SEARCH_TYPES) {
      const config = INDEXED_TYPES[type];
      let count = 0;
      for (let offset = 0; ; offset += BATCH) {
        const versions = await publishedVersions(strapi, config, {}, { offset, limit: BATCH });
        await insertRows(strapi, trx as unknown as Knex, versions.map((version) => toRow(type, config, version)));
        count += versions.length;
        if (versions.length < BATCH) break;
      }
      total += count;
      progress(`search index: ${type}: ${count} published versions`);
    }
  });
  if (isPostgres(strapi)) {
    // The planner needs statistics of the new rows to choose the terms index; and rows inserted
    // one by one wait in the GIN index's pending list, which every search would otherwise scan.
    await strapi.db.connection.raw(`ANALYZE ${TABLE}`);
    await strapi.db.connection.raw(`SELECT gin_clean_pending_list('${TABLE}_terms_idx'::regclass)`);
  }
  await strapi.store({ type: 'plugin', name: 'habitat' }).set({ key: VERSION_KEY, value: INDEX_VERSION });
  return total;
};

const publishedCount = async (strapi: Core.Strapi): Promise<number> => {
  let total = 0;
  for (const type of SEARCH_TYPES) {
    total += await strapi.db.query(INDEXED_TYPES[type].uid).count({ where: { publishedAt: { $notNull: true } } });
  }
  return total;
};

/**
 * At start: creates the tables, and rebuilds the index when it was built by another version or
 * does not hold as many rows as there are published versions (content written without this code,
 * e.g. a database restored from before search existed).
 */
export const ensureSearchIndex = async (strapi: Core.Strapi): Promise<void> => {
  const version = await strapi.store({ type: 'plugin', name: 'habitat' }).get({ key: VERSION_KEY });
  if (version !== INDEX_VERSION) await dropIndexTables(strapi);
  await ensureIndexTables(strapi);
  if (version === INDEX_VERSION && (await countRows(strapi)) === (await publishedCount(strapi))) return;
  const started = Date.now();
  const total = await rebuildIndex(strapi);
  strapi.log.info(`Search index rebuilt: ${total} published versions in ${Date.now() - started} ms`);
};
