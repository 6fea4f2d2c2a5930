import type { Core, Modules } from '@strapi/strapi';

const SORTED_FIELDS = new Set(['title', 'name']);
type Params = { locale?: unknown; sort?: unknown; start?: number; limit?: number; fields?: unknown; filters?: unknown; populate?: unknown };

/** `name:asc`, ['name:asc'], { name: 'asc' } or [{ name: 'asc' }] → ['name', 'asc'] when it is a sort on one title/name field. */
const singleTextSort = (sort: unknown): [string, 'asc' | 'desc'] | null => {
  // The locale fallback appends documentId:asc as a tie-break; this sort breaks ties the same way.
  const list = Array.isArray(sort) && sort[sort.length - 1] === 'documentId:asc' ? sort.slice(0, -1) : sort;
  const only = Array.isArray(list) && list.length === 1 ? list[0] : list;
  const [field, direction = 'asc'] =
    typeof only === 'string' ? only.split(':') : only && typeof only === 'object' && Object.keys(only).length === 1 ? Object.entries(only)[0] : [];
  if (typeof field !== 'string' || !SORTED_FIELDS.has(field) || typeof direction !== 'string') return null;
  const order = direction.toLowerCase();
  return order === 'asc' || order === 'desc' ? [field, order] : null;
};

/** A Khmer list: locale=km, or a fallback list for locale=km (which reads every locale's rows, locale '*'). */
const isKhmerList = (strapi: Core.Strapi, params: Params): boolean =>
  params.locale === 'km' || (params.locale === '*' && strapi.requestContext.get()?.query?.locale === 'km');

/**
 * SQLite compares text by code point and cannot be given ICU collations (PostgreSQL uses km-x-icu,
 * see bootstrap/khmer-collation.ts). So on SQLite a Khmer list sorted by title or name is ordered
 * with Intl.Collator('km'): the matching documents' titles are read, sorted, and the page asked for
 * is then read by documentId.
 */
export const khmerSortOnSqlite =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as Params;
    if (context.action !== 'findMany' || strapi.db.dialect.client === 'postgres' || !isKhmerList(strapi, params)) return next();
    const sort = singleTextSort(params.sort);
    if (!sort || !context.uid.startsWith('api::')) return next();
    const [field, order] = sort;

    const collator = new Intl.Collator('km');
    const { start = 0, limit, ...rest } = params;
    context.params = { ...rest, fields: [field], populate: undefined, sort: undefined } as never;
    const all = (await next()) as Array<{ documentId: string } & Record<string, unknown>>;
    const ordered = all
      .sort((a, b) => collator.compare(String(a[field] ?? ''), String(b[field] ?? '')) * (order === 'asc' ? 1 : -1) || (a.documentId < b.documentId ? -1 : 1))
      .slice(start, limit === undefined ? undefined : start + limit)
      .map((entry) => entry.documentId);
    if (ordered.length === 0) return [] as never;

    context.params = { ...rest, sort: undefined, filters: { $and: [params.filters ?? {}, { documentId: { $in: ordered } }] } } as never;
    const page = (await next()) as Array<{ documentId: string }>;
    return page.sort((a, b) => ordered.indexOf(a.documentId) - ordered.indexOf(b.documentId)) as never;
  };
