import type { Core } from '@strapi/strapi';

/**
 * The reference site (site/), as the CMS sees it: where it is, for the admin panel's preview and
 * the revalidation webhook, and the secrets both sides share. Empty SITE_URL: no preview, no
 * webhook (the site then refreshes on its own timer, SITE_REVALIDATE_SECONDS).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('SITE_URL', '').trim().replace(/\/+$/, '');
  return {
    url,
    // Sent by the webhook as "Authorization: Bearer …"; the site's /api/revalidate checks it.
    revalidateSecret: env('SITE_REVALIDATE_SECRET', '').trim(),
    // Carried by the preview link; the site's /api/preview checks it before showing drafts.
    previewSecret: env('PREVIEW_SECRET', '').trim(),
  };
};
