import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, schemaOf } from './locales';
import { sharedFields } from './shared-fields';
import { holdsOne, linkChange } from './shared-relations';

type Attribute = { type: string; target?: string; writable?: boolean };

/** Whether the administrator making this request (if any) may not update documents of the type in the source locale. */
const cannotEditSource = (strapi: Core.Strapi, uid: string, source: string): boolean => {
  const request = strapi.requestContext.get();
  const userAbility = request?.state?.userAbility;
  if (request?.state?.route?.info?.type !== 'admin' || !userAbility) return false;
  return strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid }).cannot.update({ locale: source });
};

/**
 * When a document gets a version in a new locale (a translator's first save, an XLIFF import),
 * Strapi 5 leaves its relations unset. This fills in, from the default locale's latest version,
 * every relation the new version was not given (its shared fields come from shared-fields.ts): relations point
 * to the same documents, in the new locale where they have it; a document that has no version in
 * that locale yet is a pending link (linking the new version to another language's would show
 * English in a Khmer page), made when that document gets its version (shared-relations.ts).
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
      populate: Object.fromEntries(relations.map(([name]) => [name, { select: ['documentId'] }])),
    });
    if (!english) return next();

    const data = { ...(params.data ?? {}) };
    // An administrator who may not edit the source locale (a translator) sees the shared fields and
    // links of a new version read-only ("edited there"), and the form sends them back: they are
    // dropped, so that the new version takes the document's values (shared-fields.ts) and links.
    if (cannotEditSource(strapi, uid, source)) {
      for (const name of [...sharedFields(strapi, uid), ...relations.map(([relation]) => relation)]) delete data[name];
    }
    for (const [name, attribute] of relations) {
      // A list or a `set` is the new version's own links; connects and disconnects (the content
      // manager's form) change the English links rather than replace them.
      const change = linkChange(data[name]);
      if (!change) continue;
      const linked = (Array.isArray(english[name]) ? english[name] : english[name] ? [english[name]] : []) as Array<{ documentId: string }>;
      if (linked.length === 0 && change.connect.length === 0) continue;
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
      const links = [...available.filter((id) => !change.disconnect.includes(id)), ...change.connect.filter((id) => !available.includes(id))];
      // A relation that holds one link keeps the last: the one connected, else the English one.
      const kept = holdsOne(strapi, uid, name) ? links.slice(-1) : links;
      data[name] = { set: kept.map((id) => ({ documentId: id, ...targetLocale })) };
    }
    context.params = { ...params, data } as never;
    return next();
  };

/**
 * The content manager checks the locale of a translator's updates, publications and deletions,
 * but not where a write creates a version: a brand-new document (its "create" has a TODO there),
 * or an update that adds a locale to a document (it checks "create" without the locale). Refuse
 * either in a locale the administrator may not create in.
 */
export const createLocaleGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if ((context.action !== 'create' && context.action !== 'update') || !isLocalizedApiType(strapi, context.uid)) return next();
    const request = strapi.requestContext.get();
    const userAbility = request?.state?.userAbility;
    if (request?.state?.route?.info?.type !== 'admin' || !userAbility) return next();
    const params = context.params as { locale?: unknown; documentId?: unknown };
    const locale = typeof params.locale === 'string' ? params.locale : await defaultLocale(strapi);
    if (context.action === 'update') {
      // An update of a version that exists was checked by the content manager, with its locale.
      if (locale === '*' || typeof params.documentId !== 'string') return next();
      const existing = await strapi.db.query(context.uid as UID.Schema).findOne({ select: ['id'], where: { documentId: params.documentId, locale } });
      if (existing) return next();
    }
    const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: context.uid });
    if (checker.cannot.create({ locale })) {
      // A PolicyError keeps its message (a ForbiddenError becomes a bare "Forbidden").
      throw new errors.PolicyError(`You may not create content in the locale "${locale}"`);
    }
    return next();
  };
