import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, localeCodes, schemaOf } from './locales';

/**
 * Locale fallback for reads: `?locale=km&fallbackLocale=en` (or `fallbackLocale: 'en'` in a
 * Document Service call) serves every matching document once, in the first locale of the chain
 * [locale, ...fallbackLocale] in which it has a version of the requested status (published by
 * default).
 *
 * It works on the database query itself, not on the results, so that counts, filters, sort and
 * pagination all apply to the version served:
 *  - the list query selects, across locales, the rows `locale = km OR (locale = en AND NOT EXISTS
 *    <a km version of the same document>)`, i.e. exactly one row per document, with the caller's
 *    filters, sort and pagination applied to those rows; the count uses the same rows; the
 *    exclusion is a subquery the database runs, no list of documents is built in Node;
 *  - the sort always ends with documentId, so pages are stable (each document on exactly one page);
 *  - populated relations to translated types are fetched the same way (one batched query per
 *    relation, never one per document): the related documents of every version in the chain,
 *    each served in the first locale of the chain it exists in.
 */

type Params = Record<string, unknown> & {
  locale?: unknown;
  fallbackLocale?: unknown;
  status?: unknown;
  filters?: unknown;
  sort?: unknown;
  fields?: unknown;
  populate?: unknown;
  documentId?: string;
};
type Entry = Record<string, unknown> & { documentId: string; locale?: string };
type PopulateEntry = true | Record<string, unknown>;
type QueryBuilder = ReturnType<Core.Strapi['db']['connection']>;

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type FallbackConfig = { defaultFallbacks?: Record<string, string[] | string> };

/** "en", "km-KH,en" or ["en"] → ["en"] / ["km-KH", "en"]. */
export const parseLocaleList = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    if (typeof item !== 'string') {
      throw new errors.ValidationError('fallbackLocale must be a locale code, or several separated by commas (e.g. fallbackLocale=en)', {
        key: 'fallbackLocale',
      });
    }
    return item
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
  });
};

/** Checks that every code exists; answers 400 with the available ones otherwise. */
export const assertKnownLocales = async (strapi: Core.Strapi, key: string, codes: string[]): Promise<void> => {
  const available = await localeCodes(strapi);
  const unknown = codes.filter((code) => !available.includes(code));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `Unknown ${key} "${unknown.join(', ')}". Available locales: ${available.join(', ')}.`,
      { key, available }
    );
  }
};

/** A locale's default fallbacks (config: plugin::translations.defaultFallbacks, e.g. { km: ['en'] }). */
export const defaultFallbacks = (strapi: Core.Strapi, locale: string): string[] => {
  const configured = (strapi.config.get<FallbackConfig['defaultFallbacks']>('plugin::translations.defaultFallbacks') ?? {})[locale];
  return configured === undefined ? [] : parseLocaleList(configured);
};

const isContentApiRead = (strapi: Core.Strapi): boolean => {
  const request = strapi.requestContext.get();
  return request?.method === 'GET' && request?.state?.route?.info?.type === 'content-api';
};

/** The chain of locales to serve from, or null for plain Strapi behaviour. */
const resolveChain = async (strapi: Core.Strapi, params: Params): Promise<string[] | null> => {
  if (params.locale === '*' || Array.isArray(params.locale)) return null;
  const locale = typeof params.locale === 'string' && params.locale !== '' ? params.locale : await defaultLocale(strapi);

  let fallbacks: string[];
  if (params.fallbackLocale !== undefined && params.fallbackLocale !== null && params.fallbackLocale !== '') {
    fallbacks = parseLocaleList(params.fallbackLocale);
    await assertKnownLocales(strapi, 'fallbackLocale', fallbacks);
  } else if (isContentApiRead(strapi)) {
    // Frontend requests that name no fallback get the default chain.
    fallbacks = defaultFallbacks(strapi, locale);
  } else {
    return null;
  }
  const chain = [...new Set([locale, ...fallbacks])];
  return chain.length > 1 ? chain : null;
};

const publicationWhere = (strapi: Core.Strapi, uid: string, status: unknown): Record<string, unknown> =>
  hasDraftAndPublish(strapi, uid) ? { publishedAt: status === 'published' ? { $notNull: true } : { $null: true } } : {};

/** Document Service status default: the REST layer always passes one; server code reads drafts by default. */
const statusOf = (params: Params): 'published' | 'draft' => (params.status === 'published' ? 'published' : 'draft');

/**
 * `locale = chain[0] OR (locale = chain[1] AND id IN <its rows with no version in chain[0]>) OR …`.
 * The exclusion runs in the database, as a `NOT EXISTS` on the table's (document_id, locale,
 * published_at) index, inside the list and count queries themselves: nothing is listed in Node,
 * and the cost does not grow with the number of translated documents.
 */
const servedRowsFilter = (strapi: Core.Strapi, uid: string, chain: string[], status: string) => {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const [documentId, locale, publishedAt] = [column('documentId'), column('locale'), column('publishedAt')];
  const knex = strapi.db.connection;
  const ofStatus = (alias: string) => (query: QueryBuilder) => {
    if (!hasDraftAndPublish(strapi, uid)) return query;
    return status === 'published' ? query.whereNotNull(`${alias}.${publishedAt}`) : query.whereNull(`${alias}.${publishedAt}`);
  };
  const alternatives: Record<string, unknown>[] = [{ locale: chain[0] }];
  for (const [index, code] of chain.entries()) {
    if (index === 0) continue;
    const earlier = chain.slice(0, index);
    const rows = knex(`${meta.tableName} as served`)
      .select('served.id')
      .where(`served.${locale}`, code)
      .modify(ofStatus('served'))
      .whereNotExists(
        knex(`${meta.tableName} as earlier`)
          .select(knex.raw('1'))
          .whereRaw('?? = ??', [`earlier.${documentId}`, `served.${documentId}`])
          .whereIn(`earlier.${locale}`, earlier)
          .modify(ofStatus('earlier'))
      );
    alternatives.push({ locale: code, id: { $in: rows } });
  }
  return { $or: alternatives };
};

const withStableSort = (sort: unknown): unknown => {
  const tieBreak = 'documentId:asc';
  if (sort === undefined || sort === null || sort === '') return [tieBreak];
  return [...(Array.isArray(sort) ? sort : [sort]), tieBreak];
};

/** With `fields`, the served locale and documentId still come back: the answer needs them. */
const withServedLocale = (fields: unknown): unknown => {
  if (fields === undefined || fields === null || fields === '' || fields === '*') return fields;
  const list = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : null;
  return list ? [...new Set([...list, 'documentId', 'locale'])] : fields;
};

/** Any populate shape Strapi accepts, as `{ attribute: true | { fields, filters, sort, populate } }`. */
const normalizePopulate = (strapi: Core.Strapi, uid: string, populate: unknown): Record<string, PopulateEntry> | null => {
  if (populate === undefined || populate === null || populate === '' || populate === false) return {};
  const attributes = schemaOf(strapi, uid).attributes;
  if (populate === '*' || populate === true || populate === 'true') {
    const all: Record<string, PopulateEntry> = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type)) all[name] = true;
    }
    return all;
  }
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths) {
    const result: Record<string, PopulateEntry> = {};
    for (const path of paths) {
      if (typeof path !== 'string') return null;
      const [head, ...rest] = path.split('.');
      if (rest.length === 0) {
        result[head] ??= true;
      } else {
        const current = result[head];
        const nested = current === true || current === undefined ? [] : ((current.populate as string[] | undefined) ?? []);
        result[head] = { populate: [...nested, rest.join('.')] };
      }
    }
    return result;
  }
  if (typeof populate === 'object') {
    const result: Record<string, PopulateEntry> = {};
    for (const [name, value] of Object.entries(populate as Record<string, unknown>)) {
      if (value === false || value === 'false') continue;
      if (value === true || value === 'true') result[name] = true;
      else if (value === '*') result[name] = { populate: '*' };
      else if (value && typeof value === 'object') result[name] = value as Record<string, unknown>;
      else return null;
    }
    return result;
  }
  return null;
};

type RelationPlan = { name: string; target: string; single: boolean; options: Record<string, unknown> };

/** Splits populate into what Strapi populates itself and relations to translated types, which fall back too. */
const planPopulate = (strapi: Core.Strapi, uid: string, populate: unknown) => {
  const normalized = normalizePopulate(strapi, uid, populate);
  if (normalized === null) return { populate, relations: [] as RelationPlan[] };
  const attributes = schemaOf(strapi, uid).attributes;
  const rest: Record<string, PopulateEntry> = {};
  const relations: RelationPlan[] = [];
  for (const [name, value] of Object.entries(normalized)) {
    const attribute = attributes[name];
    if (attribute?.type === 'relation' && name !== 'localizations' && attribute.target && isLocalizedApiType(strapi, attribute.target)) {
      relations.push({
        name,
        target: attribute.target,
        single: ['oneToOne', 'manyToOne'].includes(attribute.relation ?? ''),
        options: value === true ? {} : value,
      });
    } else {
      rest[name] = value;
    }
  }
  return { populate: Object.keys(rest).length > 0 ? rest : undefined, relations };
};

/**
 * Fills the relations of the served entries: for each relation, one query lists the related
 * documents of every version of the page's documents in the chain, one (fallback) query fetches
 * them. Never a query per document.
 */
const attachRelations = async (
  strapi: Core.Strapi,
  uid: string,
  entries: Entry[],
  relations: RelationPlan[],
  chain: string[],
  status: string
): Promise<void> => {
  if (entries.length === 0 || relations.length === 0) return;
  const documentIds = [...new Set(entries.map((entry) => entry.documentId))];

  for (const relation of relations) {
    const versions: Array<Record<string, unknown> & { documentId: string; locale: string }> = await strapi.db
      .query(uid as UID.Schema)
      .findMany({
        select: ['documentId', 'locale'],
        where: { documentId: { $in: documentIds }, locale: { $in: chain }, ...publicationWhere(strapi, uid, status) },
        populate: { [relation.name]: { select: ['documentId'] } },
      });
    const byDocument = new Map<string, typeof versions>();
    for (const version of versions) byDocument.set(version.documentId, [...(byDocument.get(version.documentId) ?? []), version]);

    const related = new Map<Entry, string[]>();
    for (const entry of entries) {
      const order = (locale: string) => (locale === entry.locale ? -1 : chain.indexOf(locale));
      const ordered = [...(byDocument.get(entry.documentId) ?? [])].sort((a, b) => order(a.locale) - order(b.locale));
      const ids = ordered.flatMap((version) => {
        const value = version[relation.name] as { documentId: string } | Array<{ documentId: string }> | null | undefined;
        return (Array.isArray(value) ? value : value ? [value] : []).map((target) => target.documentId);
      });
      related.set(entry, [...new Set(ids)]);
    }

    const allIds = [...new Set([...related.values()].flat())];
    const { filters, fields, populate, sort } = relation.options as Params;
    const targets: Entry[] =
      allIds.length === 0
        ? []
        : ((await strapi.documents(relation.target as UID.ContentType).findMany({
            locale: chain[0],
            fallbackLocale: chain.slice(1),
            status,
            filters: filters ? { $and: [{ documentId: { $in: allIds } }, filters] } : { documentId: { $in: allIds } },
            fields,
            populate,
            sort,
          } as never)) as unknown as Entry[]);
    const position = new Map(targets.map((target, index) => [target.documentId, index]));
    const byId = new Map(targets.map((target) => [target.documentId, target]));

    for (const entry of entries) {
      let ids = (related.get(entry) ?? []).filter((id) => byId.has(id));
      if (sort !== undefined) ids = ids.sort((a, b) => position.get(a)! - position.get(b)!);
      const values = ids.map((id) => byId.get(id)!);
      entry[relation.name] = relation.single ? values[0] ?? null : values;
    }
  }
};

export const fallbackMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!READS.has(context.action) || !isLocalizedApiType(strapi, context.uid)) return next();
    const params = { ...(context.params as Params) };
    const chain = await resolveChain(strapi, params);
    delete params.fallbackLocale;
    if (!chain) {
      context.params = params as never;
      return next();
    }
    const uid = context.uid;
    const status = statusOf(params);

    if (context.action === 'findFirst') {
      // findFirst (single types) = the first served document: the same query with a limit of 1.
      const [first] = (await strapi
        .documents(uid)
        .findMany({ ...params, fallbackLocale: chain.slice(1), locale: chain[0], limit: 1 } as never)) as unknown[];
      return (first ?? null) as never;
    }

    if (context.action === 'findOne') {
      const versions: Array<{ locale: string }> = await strapi.db.query(uid).findMany({
        select: ['locale'],
        where: { documentId: params.documentId, locale: { $in: chain }, ...publicationWhere(strapi, uid, status) },
      });
      const served = chain.find((locale) => versions.some((version) => version.locale === locale)) ?? chain[0];
      const plan = planPopulate(strapi, uid, params.populate);
      context.params = { ...params, locale: served, fields: withServedLocale(params.fields), populate: plan.populate } as never;
      const entry = (await next()) as Entry | null;
      if (entry) await attachRelations(strapi, uid, [entry], plan.relations, chain, status);
      return entry as never;
    }

    const served = servedRowsFilter(strapi, uid, chain, status);
    const filters = params.filters ? { $and: [params.filters, served] } : served;

    if (context.action === 'count') {
      context.params = { ...params, locale: '*', filters } as never;
      return next();
    }

    const plan = planPopulate(strapi, uid, params.populate);
    context.params = {
      ...params,
      locale: '*',
      filters,
      sort: withStableSort(params.sort),
      fields: withServedLocale(params.fields),
      populate: plan.populate,
    } as never;
    const entries = (await next()) as unknown as Entry[];
    await attachRelations(strapi, uid, entries, plan.relations, chain, status);
    return entries as never;
  };
