import type { Core, Modules, UID } from '@strapi/strapi';

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

type Params = { documentId?: string; data?: Record<string, unknown>; filters?: Record<string, unknown> };

/** `filters[slug][$eq]=x` or `filters[slug]=x` at the top level of a read: the slug asked for. */
const slugFilter = (filters: Record<string, unknown> | undefined): string | null => {
  const value = filters?.slug;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { $eq?: unknown }).$eq === 'string') return (value as { $eq: string }).$eq;
  return null;
};

/**
 * Changing a slug keeps the old one answering: the old slug is recorded when a document's slug
 * changes, and a read filtered on a slug no document has (`filters[slug][$eq]=old`) is answered
 * with the document that had it, so old links keep working. The answer carries the current slug,
 * from which a frontend can redirect.
 */
export const previousSlugs =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!context.uid.startsWith('api::')) return next();
    const uid = context.uid as UID.ContentType;
    const params = context.params as Params;

    if (context.action === 'update' && typeof params.data?.slug === 'string' && params.documentId) {
      const before = await strapi.db.query(uid).findOne({ select: ['slug'], where: { documentId: params.documentId } });
      const result = await next();
      if (typeof before?.slug === 'string' && before.slug !== '' && before.slug !== params.data.slug) {
        await strapi.db.transaction(async ({ trx }) => {
          await trx(TABLE).where({ content_type: uid, slug: params.data?.slug }).delete();
          await trx(TABLE).where({ content_type: uid, slug: before.slug }).delete();
          await trx(TABLE).insert({ content_type: uid, slug: before.slug, document_id: params.documentId });
        });
      }
      return result;
    }

    if (context.action === 'findMany' || context.action === 'count' || context.action === 'findFirst') {
      const slug = slugFilter(params.filters);
      if (slug !== null && !(await strapi.db.query(uid).findOne({ select: ['id'], where: { slug } }))) {
        const moved = await strapi.db.connection(TABLE).first('document_id').where({ content_type: uid, slug });
        if (moved) {
          const { slug: _old, ...filters } = params.filters as Record<string, unknown>;
          context.params = { ...params, filters: { ...filters, documentId: moved.document_id } } as never;
        }
      }
    }
    return next();
  };
