import type { Core, Modules, UID } from '@strapi/strapi';

/*
 * Projects have their own `status` attribute (planned, ongoing, completed: the content model).
 * Strapi 5's content-manager uses the same key for the draft/published dimension, both ways:
 *  - it writes the document's draft/published state over `status` in every document it answers
 *    (services/document-metadata formatDocumentWithMetadata, and `meta.availableLocales`, from
 *    which the edit view of a new locale copies the shared fields), and its edit view reads that
 *    key for its badge and its Publish/Unpublish/Discard buttons;
 *  - it reads `status` in a request body as that dimension and rejects any other value ("Invalid
 *    status", strapi/strapi#26890).
 * So the form got "draft"/"modified"/"published" as the project's status: the field showed empty,
 * the form refused to save it, and in Khmer (where a translator may not change the shared field)
 * it could not be saved at all.
 *
 * One key cannot carry both, so the content-manager API (only; REST keeps `status`) shows the
 * attribute to the admin panel under another name, `<singular>Status` (`projectStatus`): in the
 * schemas, the view configuration, the documents and the user's field permissions. A value sent
 * under that name (or as `status` with a value that is not a dimension, by an API client) is set
 * aside before the content-manager sees the body, and given back to the Document Service write it
 * makes (restoreStatusAttribute).
 */

const CONTENT_MANAGER = /^\/content-manager\/(collection-types|single-types|content-types)\/([^/]+)(\/.*)?$/;
const DIMENSIONS = new Set(['draft', 'published']);
type State = { statusAttribute?: { uid: string; value: string | null } };
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const hasStatusAttribute = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentTypes[uid as UID.ContentType]?.attributes as Json | undefined)?.status !== undefined;

/** The name the admin panel knows the attribute by, e.g. `projectStatus`. */
export const statusAlias = (strapi: Core.Strapi, uid: string): string =>
  `${strapi.contentTypes[uid as UID.ContentType].info.singularName.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}Status`;

/**
 * A copy of the object with one key renamed, in the same place (the edit view lays fields out in
 * the keys' order). A copy: answers may hold the server's own cached schemas.
 */
const renamed = (object: Json, from: string, to: string): Json =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value]));

/** Filters of the list view name the alias; the database knows `status`. */
const renameInFilters = (filters: unknown, from: string, to: string): void => {
  if (Array.isArray(filters)) filters.forEach((filter) => renameInFilters(filter, from, to));
  else if (isObject(filters)) {
    if (from in filters) {
      filters[to] = filters[from];
      delete filters[from];
    }
    Object.values(filters).forEach((value) => renameInFilters(value, from, to));
  }
};

/** Renames the field in a view configuration (metadatas, list and edit layouts), in place. */
const renameInConfiguration = (configuration: unknown, from: string, to: string): void => {
  if (!isObject(configuration)) return;
  const metadatas = configuration.metadatas as Record<string, { list?: Json; edit?: Json }> | undefined;
  if (metadatas?.[from]) {
    // The content-manager reads a sort on `status` as a sort on draft/published.
    const list = to === 'status' ? metadatas[from].list : { ...metadatas[from].list, sortable: false };
    configuration.metadatas = renamed({ ...metadatas, [from]: { ...metadatas[from], list } }, from, to);
  }
  const layouts = configuration.layouts as { list?: string[]; edit?: Array<Array<{ name: string }>> } | undefined;
  if (!layouts) return;
  configuration.layouts = {
    ...layouts,
    ...(layouts.list && { list: layouts.list.map((name) => (name === from ? to : name)) }),
    ...(layouts.edit && { edit: layouts.edit.map((row) => row.map((field) => (field.name === from ? { ...field, name: to } : field))) }),
  };
};

/** Adds the attribute's stored value, under its alias, to every version the answer carries. */
const addStoredValues = async (strapi: Core.Strapi, uid: string, alias: string, body: Json): Promise<void> => {
  const data = body.data as Json | Json[] | undefined;
  const meta = body.meta as { availableLocales?: Json[]; availableStatus?: Json[] } | undefined;
  const versions = [
    ...(Array.isArray(data) ? data : data ? [data] : []),
    ...((body.results as Json[] | undefined) ?? []),
    ...(meta?.availableLocales ?? []),
    ...(meta?.availableStatus ?? []),
  ].filter((version) => isObject(version) && typeof version.id === 'number');
  if (versions.length === 0) return;
  const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
    where: { id: { $in: [...new Set(versions.map((version) => version.id))] } },
    select: ['id', 'status'],
  })) as Array<{ id: number; status: string | null }>;
  const stored = new Map(rows.map((row) => [row.id, row.status]));
  for (const version of versions) version[alias] = stored.get(version.id as number) ?? null;
};

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  if (ctx.path === '/admin/users/me/permissions' || ctx.path === '/content-manager/init' || ctx.path === '/content-manager/content-types') {
    await next();
    aliasSchemasAndPermissions(strapi, ctx.body);
    return;
  }
  const match = CONTENT_MANAGER.exec(ctx.path);
  const uid = match ? decodeURIComponent(match[2]) : undefined;
  if (!match || !uid || !hasStatusAttribute(strapi, uid)) return next();
  const alias = statusAlias(strapi, uid);
  const body = ctx.request.body as Json | undefined;

  if (match[1] === 'content-types') {
    // The view configuration: the admin panel saves it with the alias, the server keeps `status`.
    if (ctx.method === 'PUT' && isObject(body)) renameInConfiguration(body, alias, 'status');
    await next();
    const answer = (ctx.body as { data?: { contentType?: unknown } } | undefined)?.data;
    renameInConfiguration(answer?.contentType, 'status', alias);
    return;
  }

  const query = ctx.query as Json;
  renameInFilters(query.filters, alias, 'status');
  if (['POST', 'PUT'].includes(ctx.method) && isObject(body)) {
    const state = ctx.state as State;
    if (alias in body) {
      const value = body[alias];
      delete body[alias];
      if (typeof value === 'string' || value === null) state.statusAttribute = { uid, value: value === '' ? null : value };
    }
    if (typeof body.status === 'string' && !DIMENSIONS.has(body.status)) {
      state.statusAttribute = { uid, value: body.status };
      delete body.status;
    }
  }
  await next();
  if (isObject(ctx.body)) await addStoredValues(strapi, uid, alias, ctx.body);
};

/** The schemas the admin panel builds its forms from, and the fields the user may read or change. */
const aliasSchemasAndPermissions = (strapi: Core.Strapi, answer: unknown): void => {
  const alias = (item: Json): Json => {
    const uid = typeof item.uid === 'string' ? item.uid : typeof item.subject === 'string' ? item.subject : undefined;
    if (!uid || !hasStatusAttribute(strapi, uid)) return item;
    const name = statusAlias(strapi, uid);
    const properties = item.properties as { fields?: string[] } | undefined;
    return {
      ...item,
      ...(isObject(item.attributes) && { attributes: renamed(item.attributes, 'status', name) }),
      ...(properties?.fields?.includes('status') && { properties: { ...properties, fields: [...properties.fields, name] } }),
    };
  };
  if (!isObject(answer)) return;
  if (Array.isArray(answer.data)) answer.data = (answer.data as Json[]).map(alias);
  else if (isObject(answer.data) && Array.isArray(answer.data.contentTypes)) {
    answer.data = { ...answer.data, contentTypes: (answer.data.contentTypes as Json[]).map(alias) };
  }
};

export default middleware;

/**
 * Gives the set-aside value back to the create or update of that content type, if the user may
 * change that field (a translator may not: the attribute is shared by every locale). Strapi then
 * copies it to the other locales, as it does for every shared field.
 */
export const restoreStatusAttribute =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const request = strapi.requestContext.get();
    const setAside = (request?.state as State | undefined)?.statusAttribute;
    if (!setAside || setAside.uid !== context.uid || !['create', 'update'].includes(context.action)) return next();

    const params = context.params as { data?: Record<string, unknown> };
    const action = `plugin::content-manager.explorer.${context.action}`;
    const ability = request?.state?.userAbility as { can: (action: string, subject: string, field: string) => boolean } | undefined;
    if (ability?.can(action, context.uid, 'status')) params.data = { ...params.data, status: setAside.value };
    return next();
  };
