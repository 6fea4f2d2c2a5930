import type { Core, Modules, UID } from '@strapi/strapi';

/*
 * Projects have their own `status` attribute (planned, ongoing, completed: the content model).
 * Strapi 5 reads `status` in a content-manager request body as the draft/published dimension and
 * rejects any other value ("Invalid status", strapi/strapi#26890), so without this no project could
 * be saved or published in the admin panel. The attribute's value is set aside before the
 * content-manager sees the body, and given back to the Document Service write it makes.
 */

const CONTENT_MANAGER_WRITE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;
const DIMENSIONS = new Set(['draft', 'published']);
type State = { statusAttribute?: { uid: string; value: string } };

const hasStatusAttribute = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentTypes[uid as UID.ContentType]?.attributes as Record<string, unknown> | undefined)?.status !== undefined;

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  const match = CONTENT_MANAGER_WRITE.exec(ctx.path);
  const uid = match ? decodeURIComponent(match[1]) : undefined;
  const body = ctx.request.body as Record<string, unknown> | undefined;
  if (uid && ['POST', 'PUT'].includes(ctx.method) && hasStatusAttribute(strapi, uid) && typeof body?.status === 'string' && !DIMENSIONS.has(body.status)) {
    (ctx.state as State).statusAttribute = { uid, value: body.status };
    delete body.status;
  }
  await next();
};

export default middleware;

/**
 * Gives the set-aside value back to the create or update of that content type, in the default
 * locale only (the attribute is shared by every locale: it is changed from the English version, as
 * every shared field is), and only if the user may change that field.
 */
export const restoreStatusAttribute =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const request = strapi.requestContext.get();
    const setAside = (request?.state as State | undefined)?.statusAttribute;
    if (!setAside || setAside.uid !== context.uid || !['create', 'update'].includes(context.action)) return next();

    const params = context.params as { locale?: string; data?: Record<string, unknown> };
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const action = `plugin::content-manager.explorer.${context.action}`;
    const ability = request?.state?.userAbility as { can: (action: string, subject: string, field: string) => boolean } | undefined;
    if ((params.locale ?? defaultLocale) === defaultLocale && ability?.can(action, context.uid, 'status')) {
      params.data = { ...params.data, status: setAside.value };
    }
    return next();
  };
