import type { MetadataRoute } from 'next';
import { allSlugs } from '@/lib/content';
import { config } from '@/lib/config';
import { LOCALES, type Locale } from '@/lib/i18n';
import { docPath } from '@/lib/paths';

// Rendered on request (not at build time: the build needs no CMS), cached like the pages.
export const dynamic = 'force-dynamic';

const LISTS = ['', '/projects', '/projects/status/planned', '/projects/status/ongoing', '/projects/status/completed', '/countries', '/programmes', '/themes', '/voices', '/photo-galleries', '/publications', '/speeches', '/vacancies'];
const TYPES: Array<[string, string]> = [
  ['projects', 'project'],
  ['countries', 'country'],
  ['programmes', 'programme'],
  ['themes', 'theme'],
  ['voices', 'voice'],
  ['photo-galleries', 'photo-gallery'],
  ['publications', 'publication'],
  ['speeches', 'speech'],
  ['vacancies', 'vacancy'],
  ['pages', 'page'],
];

const url = (locale: string, path: string) => `${config.siteUrl}/${locale}${path}`;

/**
 * Both languages. A document is listed under each language it is published in (a Khmer address
 * that would only show the English version is left out: its canonical is the English one), with
 * its alternates.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries: MetadataRoute.Sitemap = LISTS.map((path) => ({
    url: url('en', path),
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, url(l, path)])) },
  }));
  entries.push(...LISTS.map((path) => ({ url: url('km', path), alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, url(l, path)])) } })));

  for (const [route, type] of TYPES) {
    const perLocale = await Promise.all(LOCALES.map(async (locale) => [locale, await allSlugs(route, type, locale)] as const));
    const versions = new Map<string, Map<Locale, string | undefined>>();
    for (const [locale, docs] of perLocale) {
      for (const doc of docs) {
        if (doc.locale !== locale) continue; // served by fallback: not a version of its own
        if (!versions.has(doc.slug)) versions.set(doc.slug, new Map());
        versions.get(doc.slug)!.set(locale, doc.updatedAt);
      }
    }
    for (const [slug, locales] of versions) {
      const path = docPath(type, slug);
      const languages = Object.fromEntries([...locales.keys()].map((l) => [l, url(l, path)]));
      for (const [locale, updatedAt] of locales) {
        entries.push({ url: url(locale, path), lastModified: updatedAt, alternates: { languages } });
      }
    }
  }
  return entries;
}
