import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';

const TABLE = 'slug_history';

/** The table of slugs documents had before (type, old slug → documentId). Created on every start if missing. */
export const ensureSlugHistoryTable = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema.createTable(TABLE, (table) => {
    table.string('content_type', 128).notNullable();
    table.string('slug', 255).notNullable();
    table.string('document_id', 64).notNullable();
    table.primary(['content_type', 'slug']);
  });
};

/** The history table, within the current transaction if there is one (SQLite has one connection: a query beside it would wait forever). */
const history = <T>(strapi: Core.Strapi, query: (table: Knex.QueryBuilder) => Promise<T> | Knex.QueryBuilder): Promise<T> =>
  strapi.db.transaction(async ({ trx }) => (await query((trx as unknown as Knex)(TABLE))) as T) as unknown as Promise<T>;

type Params = { documentId?: string; locale?: unknown; data?: Record<string, unknown>; filters?: Record<string, unknown> };
type Filters = Record<string, unknown>;

/** `x` or `{ $eq: x }`: the slug a condition on `slug` asks for. */
const slugOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { $eq?: unknown }).$eq === 'string') return (value as { $eq: string }).$eq;
  return null;
};

/**
 * The slug a read asks for (`filters[slug][$eq]=x` or `filters[slug]=x`), at the top level of its
 * filters or inside an `$and` (where the locale fallback puts the caller's filters), with a way to
 * replace that condition by another.
 */
const findSlugCondition = (filters: unknown): { slug: string; replace: (by: Filters) => Filters } | null => {
  if (!filters || typeof filters !== 'object' || Array.isArray(filters)) return null;
  const object = filters as Filters;
  const slug = slugOf(object.slug);
  if (slug !== null) {
    const { slug: _asked, ...rest } = object;
    return { slug, replace: (by) => (Object.keys(rest).length > 0 ? { $and: [rest, by] } : by) };
  }
  const all = object.$and;
  if (!Array.isArray(all)) return null;
  for (const [index, item] of all.entries()) {
    const found = findSlugCondition(item);
    if (found) return { slug: found.slug, replace: (by) => ({ ...object, $and: all.map((other, at) => (at === index ? found.replace(by) : other)) }) };
  }
  return null;
};

const hasSlug = async (strapi: Core.Strapi, uid: UID.ContentType, slug: string, exceptDocument?: string): Promise<boolean> =>
  Boolean(await strapi.db.query(uid).findOne({ select: ['id'], where: { slug, ...(exceptDocument ? { documentId: { $ne: exceptDocument } } : {}) } }));

/** The document that had this slug before (its old slug), if any. */
export const formerOwner = async (strapi: Core.Strapi, uid: string, slug: string): Promise<string | null> =>
  ((await history(strapi, (table) => table.first('document_id').where({ content_type: uid, slug }))) as { document_id: string } | undefined)?.document_id ?? null;

/** Whether a slug is taken by another document than `documentId`: as its slug (in any locale) or as one of its old slugs. */
export const slugTakenByAnother = async (strapi: Core.Strapi, uid: UID.ContentType, slug: string, documentId?: string): Promise<boolean> => {
  if (await hasSlug(strapi, uid, slug, documentId)) return true;
  const owner = await formerOwner(strapi, uid, slug);
  return owner !== null && owner !== documentId;
};

/** Records slugs a document no longer has, so that they keep answering; not one another document has or had. */
export const rememberOldSlugs = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string, slugs: string[]): Promise<void> => {
  for (const slug of new Set(slugs)) {
    if (slug === '' || (await slugTakenByAnother(strapi, uid, slug, documentId))) continue;
    if (await hasSlug(strapi, uid, slug)) continue; // its current slug
    await strapi.db.transaction(async ({ trx }) => {
      await trx(TABLE).where({ content_type: uid, slug }).delete();
      await trx(TABLE).insert({ content_type: uid, slug, document_id: documentId });
    });
  }
};

/**
 * Changing a slug keeps the old one answering: the old slug is recorded when a document's slug
 * changes, and a read filtered on a slug no document has (`filters[slug][$eq]=old`, also under a
 * locale fallback) is answered with the document that had it, in the locale asked for, so old
 * links keep working. The answer carries the current slug, from which a frontend can redirect.
 *
 * A slug belongs to one document: a write giving a document a slug another document has (in any
 * locale) or had is refused, so an old link never changes meaning.
 */
export const previousSlugs =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!context.uid.startsWith('api::')) return next();
    const uid = context.uid as UID.ContentType;
    const params = context.params as Params;
    const slug = params.data?.slug;

    if ((context.action === 'create' || context.action === 'update') && typeof slug === 'string' && slug !== '') {
      if (await slugTakenByAnother(strapi, uid, slug, context.action === 'update' ? params.documentId : undefined)) {
        throw new errors.ValidationError(`The slug "${slug}" belongs to another document (as its slug or a former one)`, {
          errors: [{ path: ['slug'], message: 'This slug belongs to another document', name: 'ValidationError' }],
        });
      }
    }

    if (context.action === 'update' && typeof slug === 'string' && params.documentId) {
      // Every slug the document's versions had (a draft renamed but not yet published has two).
      const before = (await strapi.db.query(uid).findMany({ select: ['slug'], where: { documentId: params.documentId } })) as Array<{ slug: unknown }>;
      const result = await next();
      const old = [...new Set(before.map((row) => row.slug))].filter((value): value is string => typeof value === 'string' && value !== '' && value !== slug);
      if (old.length > 0) {
        await strapi.db.transaction(async ({ trx }) => {
          await trx(TABLE).where({ content_type: uid, slug, document_id: params.documentId }).delete();
          await trx(TABLE).where({ content_type: uid }).whereIn('slug', old).delete();
          await trx(TABLE).insert(old.map((value) => ({ content_type: uid, slug: value, document_id: params.documentId })));
        });
      }
      return result;
    }

    if (context.action === 'delete' && params.documentId) {
      const result = await next();
      // A deleted document's old slugs answer nothing any more, and are free again.
      if (!(await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId: params.documentId } }))) {
        await history(strapi, (table) => table.where({ content_type: uid, document_id: params.documentId }).delete());
      }
      return result;
    }

    if (context.action === 'findMany' || context.action === 'count' || context.action === 'findFirst') {
      const asked = findSlugCondition(params.filters);
      if (asked && !(await hasSlug(strapi, uid, asked.slug))) {
        const moved = await formerOwner(strapi, uid, asked.slug);
        if (moved) context.params = { ...params, filters: asked.replace({ documentId: moved }) } as never;
      }
    }
    return next();
  };
