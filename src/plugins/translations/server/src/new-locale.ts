import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, schemaOf } from './locales';
import { componentPopulate } from './source';

type Attribute = {
  type: string;
  component?: string;
  components?: string[];
  target?: string;
  relation?: string;
  writable?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'id').map(([key, item]) => [key, withoutIds(item)]));
  }
  return value;
};

/** Media values as ids, as the Document Service takes them. */
const mediaToIds = (strapi: Core.Strapi, uid: string, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => mediaToIds(strapi, uid, item));
  if (!value || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const attribute = schemaOf(strapi, uid).attributes[key] as Attribute | undefined;
    if (attribute?.type === 'media') result[key] = Array.isArray(item) ? item.map((file) => (file as { id: number }).id) : item ? (item as { id: number }).id : null;
    else if (attribute?.type === 'component' && attribute.component) result[key] = mediaToIds(strapi, attribute.component, item);
    else result[key] = item;
  }
  return result;
};

/**
 * Values as loaded by the Query Engine (with componentPopulate(…, { media: true })) → data for the Document Service:
 * no row ids, media as ids, dynamic zone items keep their __component.
 */
export const toDocumentData = (strapi: Core.Strapi, uid: string, values: Record<string, unknown>): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const attribute = schemaOf(strapi, uid).attributes[name] as Attribute | undefined;
    if (attribute?.type === 'media') {
      result[name] = Array.isArray(value) ? value.map((file) => (file as { id: number }).id) : value ? (value as { id: number }).id : null;
    } else if (attribute?.type === 'component' && attribute.component) {
      result[name] = mediaToIds(strapi, attribute.component, withoutIds(value));
    } else if (attribute?.type === 'dynamiczone' && Array.isArray(value)) {
      result[name] = value.map((item) => {
        const component = (item as { __component: string }).__component;
        return { ...(mediaToIds(strapi, component, withoutIds(item)) as Record<string, unknown>), __component: component };
      });
    } else {
      result[name] = value === undefined ? value : JSON.parse(JSON.stringify(value));
    }
  }
  return result;
};

/** Whether the administrator making this request (if any) may not update documents of the type in the source locale. */
const cannotEditSource = (strapi: Core.Strapi, uid: string, source: string): boolean => {
  const request = strapi.requestContext.get();
  const userAbility = request?.state?.userAbility;
  if (request?.state?.route?.info?.type !== 'admin' || !userAbility) return false;
  return strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid }).cannot.update({ locale: source });
};

/**
 * When a document gets a version in a new locale (a translator's first save, an XLIFF import),
 * Strapi 5 does not reliably carry over what the versions must share: it leaves the slug empty
 * and the relations unset. This fills in, from the default locale's latest version, every
 * shared (non-localized) field and every relation the new version was not given: relations point
 * to the same documents, in the new locale where they have it; a document that has no version in
 * that locale yet is left out, as Strapi leaves every relation of a new locale (linking the new
 * version to another language's would show English in a Khmer page).
 */
export const newLocaleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.action !== 'update' || !isLocalizedApiType(strapi, context.uid)) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    const source = await defaultLocale(strapi);
    if (!params.documentId || typeof params.locale !== 'string' || params.locale === '*' || params.locale === source) return next();
    const uid = context.uid;
    const { locale, documentId } = params as { locale: string; documentId: string };
    const query = strapi.db.query(uid as UID.Schema);
    if (await query.findOne({ select: ['id'], where: { documentId, locale } })) return next();

    const attributes = Object.entries(schemaOf(strapi, uid).attributes) as Array<[string, Attribute]>;
    // Not createdBy/updatedBy (not writable): they point to an administrator, who has no locale, and
    // Strapi sets them itself; carried over they failed the whole write ("Invalid relations").
    const relations = attributes.filter(
      ([name, attribute]) => attribute.type === 'relation' && name !== 'localizations' && attribute.target && attribute.writable !== false
    );
    const english = await query.findOne({
      where: { documentId, locale: source, ...(hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {}) },
      populate: { ...componentPopulate(strapi, uid, { media: true }), ...Object.fromEntries(relations.map(([name]) => [name, { select: ['documentId'] }])) },
    });
    if (!english) return next();

    const data = { ...(params.data ?? {}) };
    // An administrator who may not edit the source locale (a translator) sees the shared fields of a
    // new version read-only ("edited there"), and the form sends them back: they always come from
    // the source, whatever was sent.
    const fromSource = cannotEditSource(strapi, uid, source);
    const shared = attributes.filter(
      ([name, attribute]) => (fromSource || data[name] === undefined) && attribute.pluginOptions?.i18n?.localized === false && attribute.type !== 'relation'
    );
    Object.assign(data, toDocumentData(strapi, uid, Object.fromEntries(shared.map(([name]) => [name, english[name]]))));
    for (const [name, attribute] of relations) {
      if (data[name] !== undefined) continue;
      const linked = (Array.isArray(english[name]) ? english[name] : english[name] ? [english[name]] : []) as Array<{ documentId: string }>;
      if (linked.length === 0) continue;
      const ids = linked.map((target) => target.documentId);
      let available = ids;
      if (isLocalizedApiType(strapi, attribute.target!)) {
        const rows: Array<{ documentId: string }> = await strapi.db
          .query(attribute.target as UID.Schema)
          .findMany({ select: ['documentId'], where: { documentId: { $in: ids }, locale } });
        const present = new Set(rows.map((row) => row.documentId));
        available = ids.filter((id) => present.has(id));
      }
      const targetLocale = isLocalizedApiType(strapi, attribute.target!) ? { locale } : {};
      data[name] = { set: available.map((id) => ({ documentId: id, ...targetLocale })) };
    }
    context.params = { ...params, data } as never;
    return next();
  };

/**
 * The content manager checks the locale of a translator's updates, publications and deletions,
 * but not of a brand-new document (its "create" has a TODO there): refuse creating a document in
 * a locale the administrator may not create in.
 */
export const createLocaleGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.action !== 'create' || !isLocalizedApiType(strapi, context.uid)) return next();
    const request = strapi.requestContext.get();
    const userAbility = request?.state?.userAbility;
    if (request?.state?.route?.info?.type !== 'admin' || !userAbility) return next();
    const params = context.params as { locale?: unknown };
    const locale = typeof params.locale === 'string' ? params.locale : await defaultLocale(strapi);
    const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: context.uid });
    if (checker.cannot.create({ locale })) {
      // A PolicyError keeps its message (a ForbiddenError becomes a bare "Forbidden").
      throw new errors.PolicyError(`You may not create content in the locale "${locale}"`);
    }
    return next();
  };
