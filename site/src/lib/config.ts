/**
 * The site's settings, read once from the environment (the repository's .env, see next.config.ts).
 * Server-only: nothing here reaches the browser.
 */
const trimmed = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

const withoutSlash = (url: string): string => url.replace(/\/+$/, '');

export const config = {
  /** Where the CMS answers REST (server to server). */
  strapiUrl: withoutSlash(trimmed('STRAPI_URL') ?? 'http://127.0.0.1:1337'),
  /** Where the browser loads media from, when it differs from STRAPI_URL (a CDN, a public host name). */
  mediaUrl: withoutSlash(trimmed('STRAPI_MEDIA_URL') ?? trimmed('STRAPI_URL') ?? 'http://127.0.0.1:1337'),
  /** The site's own public address, for canonical URLs, hreflang, Open Graph and the sitemap. */
  siteUrl: withoutSlash(trimmed('SITE_URL') ?? 'http://localhost:3000'),
  /** A read-only API token: the only way drafts are read, and only in draft mode. */
  previewToken: trimmed('STRAPI_PREVIEW_TOKEN'),
  /** Shared with the CMS: the preview link and the revalidation webhook carry it. */
  previewSecret: trimmed('PREVIEW_SECRET'),
  revalidateSecret: trimmed('SITE_REVALIDATE_SECRET'),
  /**
   * Time-based freshness for when webhooks do not arrive (not configured, site unreachable from the
   * CMS): a cached page is re-rendered in the background at most this many seconds after it was made.
   */
  revalidateSeconds: Number(trimmed('SITE_REVALIDATE_SECONDS') ?? 300),
  /** How long a request to the CMS may take before the page counts it as down. */
  cmsTimeoutMs: Number(trimmed('STRAPI_TIMEOUT_MS') ?? 8000),
};
