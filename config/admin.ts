import type { Core, UID } from '@strapi/strapi';
import site from './site';
import { previewUrl } from '../src/site/preview';

export default (params: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const { env } = params;
  const settings = site(params);
  return {
    auth: { secret: env('ADMIN_JWT_SECRET', '') },
    apiToken: { salt: env('API_TOKEN_SALT', '') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', '') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY', '') },
    flags: { nps: false, promoteEE: false },
    // The edit view's "Preview" opens the document's draft, in the edited locale, in the site
    // (site/). allowedOrigins also lets the admin panel frame the site (CSP frame-src).
    preview: {
      enabled: Boolean(settings.url && settings.previewSecret),
      config: {
        allowedOrigins: settings.url ? [settings.url] : [],
        handler: (uid, { documentId, locale, status }) =>
          previewUrl(strapi, settings, uid as UID.ContentType, { documentId, locale, status: status === 'published' ? 'published' : 'draft' }),
      },
    },
  };
};
