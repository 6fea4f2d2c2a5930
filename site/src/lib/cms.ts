import { draftMode } from 'next/headers';
import { config } from './config';
import type { Locale } from './i18n';

/** The CMS did not answer, or answered that it cannot (5xx): the page is "temporarily unavailable". */
export class CmsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CmsUnavailableError';
    // Read by server.mjs: a page that fails now is a 503 (temporarily unavailable), not a 500.
    (globalThis as { __habitatCmsDownAt?: number }).__habitatCmsDownAt = Date.now();
  }
}

type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

/** Strapi's bracket notation: { filters: { slug: { $eq: 'x' } } } → filters[slug][$eq]=x. */
export const toQuery = (params: Record<string, QueryValue>): string => {
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, inner);
    else parts.push(`${encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`);
  };
  walk('', params);
  return parts.join('&');
};

/**
 * Cache tags: every fetch names what it shows, so that the revalidation webhook can expire exactly
 * the pages that show a changed document (see app/api/revalidate/route.ts):
 * - `doc:<type>:<slug>`: the page of one document (its own fetch);
 * - `type:<type>`: lists of that type, and documents of other types shown through relations;
 * - `cms`: everything (media changes, locales).
 */
export const tags = {
  doc: (type: string, slug: string) => `doc:${type}:${slug}`,
  type: (type: string) => `type:${type}`,
  all: 'cms',
};

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
export interface ListAnswer<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/** True while an editor's preview (Next draft mode) is on for this request. */
export const isPreview = async (): Promise<boolean> => {
  try {
    return (await draftMode()).isEnabled;
  } catch {
    return false; // outside a request (sitemap generation at build time)
  }
};

/**
 * GET from the CMS's REST API. Published content through the shared cache (tagged, and re-checked
 * every SITE_REVALIDATE_SECONDS); in preview, drafts with the read-only preview token, never cached.
 * Returns null for a 404.
 */
export const cmsGet = async <T>(path: string, params: Record<string, QueryValue>, cacheTags: string[], options: { noStore?: boolean } = {}): Promise<T | null> => {
  const preview = await isPreview();
  const query = toQuery(preview ? { ...params, status: 'draft' } : params);
  const url = `${config.strapiUrl}/api/${path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (preview) {
    if (!config.previewToken) throw new Error('Preview needs STRAPI_PREVIEW_TOKEN (a read-only API token of the CMS).');
    headers.authorization = `Bearer ${config.previewToken}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(config.cmsTimeoutMs),
      ...(preview || options.noStore ? { cache: 'no-store' as const } : { next: { tags: [...cacheTags, tags.all], revalidate: config.revalidateSeconds } }),
    });
  } catch (error) {
    throw new CmsUnavailableError(`The CMS at ${config.strapiUrl} did not answer: ${String(error)}`);
  }
  if (response.status === 404) return null;
  if (response.status >= 500) throw new CmsUnavailableError(`The CMS answered ${response.status} for ${path}`);
  (globalThis as { __habitatCmsDownAt?: number }).__habitatCmsDownAt = undefined;
  if (!response.ok) {
    // A 4xx is a mistake in this site's query: say what the CMS said.
    throw new Error(`The CMS refused ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
};

/** The query parameters that ask for one language, or the other one where it has no version yet. */
export const localeParams = (locale: Locale): Record<string, string> =>
  locale === 'en' ? { locale: 'en' } : { locale, fallbackLocale: 'en' };

/** An absolute URL for a media file's `url` (relative on local uploads, absolute on S3). */
export const mediaUrl = (url: string): string => (/^https?:\/\//.test(url) ? url : `${config.mediaUrl}${url}`);
