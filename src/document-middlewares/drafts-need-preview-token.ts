import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * Strapi 5 lets any content API caller with `find` read drafts by adding `?status=draft`.
 * Drafts hold unpublished work (embargoed reports, vacancies before their date), so on the
 * content API only an API token (e.g. a frontend's preview token) may read them. The admin
 * panel and server-side code are not affected: they do not run as content API requests.
 */
export const draftsNeedPreviewToken =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as { status?: unknown };
    if (!READ_ACTIONS.has(context.action) || params.status === undefined || params.status === 'published') {
      return next();
    }

    const request = strapi.requestContext.get();
    const isContentApi = request?.state?.route?.info?.type === 'content-api';
    if (isContentApi && request?.state?.auth?.strategy?.name !== 'content-api-token') {
      // A PolicyError keeps its message; the router turns any other ForbiddenError into a bare "Forbidden".
      throw new errors.PolicyError('Drafts can only be read with an API token (status=draft is not public).');
    }
    return next();
  };
