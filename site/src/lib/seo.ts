import type { Metadata } from 'next';
import { mediaUrl } from './cms';
import { config } from './config';
import { LOCALES, type Locale } from './i18n';
import type { Entry, Media, Seo } from './types';

const absolute = (locale: string, path: string) => `${config.siteUrl}/${locale}${path === '/' ? '' : path}`;

const openGraphLocale: Record<string, string> = { en: 'en_US', km: 'km_KH' };

/** A page that exists in both languages (lists, home, search). */
export const listMetadata = (locale: Locale, path: string, title: string, description?: string): Metadata => ({
  title,
  description,
  alternates: {
    canonical: absolute(locale, path),
    languages: { ...Object.fromEntries(LOCALES.map((l) => [l, absolute(l, path)])), 'x-default': absolute('en', path) },
  },
  openGraph: { title, description, url: absolute(locale, path), locale: openGraphLocale[locale], type: 'website' },
});

/**
 * A document's page: the `seo` component wins over the title and summary. hreflang names only the
 * languages the document is published in; a Khmer address that shows the English version (fallback)
 * names the English address as canonical, so search engines index the English text once, there.
 */
export const documentMetadata = (
  _locale: Locale,
  path: string,
  entry: Entry & { seo?: Seo | null },
  title: string,
  description: string | null | undefined,
  image?: Media | null
): Metadata => {
  const versions = [...new Set([entry.locale, ...(entry.localizations ?? []).map((l) => l.locale)])].filter((l): l is Locale => (LOCALES as readonly string[]).includes(l));
  const metaTitle = entry.seo?.metaTitle || title;
  const metaDescription = entry.seo?.metaDescription || description?.slice(0, 200) || undefined;
  const share = entry.seo?.shareImage ?? image;
  const languages: Record<string, string> = Object.fromEntries(versions.map((l) => [l, absolute(l, path)]));
  if (versions.includes('en')) languages['x-default'] = absolute('en', path);
  return {
    title: metaTitle,
    description: metaDescription,
    alternates: { canonical: absolute(entry.locale, path), languages },
    openGraph: {
      title: metaTitle,
      description: metaDescription,
      url: absolute(entry.locale, path),
      locale: openGraphLocale[entry.locale],
      type: 'article',
      ...(share ? { images: [{ url: mediaUrl(share.url), width: share.width ?? undefined, height: share.height ?? undefined, alt: share.alternativeText ?? undefined }] } : {}),
    },
  };
};
