import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureLocales } from './bootstrap/locales';
import { dropStaleOpenApiCache } from './bootstrap/openapi-cache';
import { disablePublicRegistration, grantPublicReadAccess } from './bootstrap/public-permissions';
import { loadDemoContentOnFirstStart } from './bootstrap/demo-content';
import { draftsNeedPreviewToken } from './document-middlewares/drafts-need-preview-token';
import { restoreStatusAttribute } from './middlewares/status-attribute';
import { invalidateCacheOnWrites } from './cache/invalidation';
import { serveCacheHitsFirst } from './cache/fast-path';
import { closeResponseCache, responseCache } from './cache/response-cache';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftsNeedPreviewToken(strapi));
    strapi.documents.use(restoreStatusAttribute(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Code or configuration may have changed since answers were stored (a shared Redis outlives a
    // deployment): a start begins a new cache generation.
    await responseCache(strapi).connect();
    await responseCache(strapi).newGeneration();
    invalidateCacheOnWrites(strapi);
    serveCacheHitsFirst(strapi);
    await ensureLocales(strapi);
    await grantPublicReadAccess(strapi);
    await disablePublicRegistration(strapi);
    await configureAdminViews(strapi);
    // After the admin panel's bootstrap (plugins bootstrap before it), see translator-role.ts.
    await strapi.plugin('translations').service('translator-role').ensure();
    dropStaleOpenApiCache(strapi);
    await loadDemoContentOnFirstStart(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeResponseCache(strapi);
  },
};
