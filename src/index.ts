import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { disablePublicRegistration, grantPublicReadAccess } from './bootstrap/public-permissions';
import { loadDemoContentOnFirstStart } from './bootstrap/demo-content';
import { draftsNeedPreviewToken } from './document-middlewares/drafts-need-preview-token';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftsNeedPreviewToken(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicReadAccess(strapi);
    await disablePublicRegistration(strapi);
    await loadDemoContentOnFirstStart(strapi);
  },
};
