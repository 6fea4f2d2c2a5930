import type { Locale } from './i18n';

/** Where each content type's documents live on the site (slugs are the same in every language). */
const BASES: Record<string, string> = {
  project: 'projects',
  country: 'countries',
  programme: 'programmes',
  theme: 'themes',
  voice: 'voices',
  'photo-gallery': 'photo-galleries',
  publication: 'publications',
  speech: 'speeches',
  vacancy: 'vacancies',
  page: '',
};

/** A search result's `type` is the REST route name (plural): the singular it stands for. */
const SINGULAR: Record<string, string> = Object.fromEntries(Object.entries(BASES).filter(([, base]) => base).map(([type, base]) => [base, type]));
SINGULAR.pages = 'page';
export const typeOfRoute = (route: string): string | undefined => SINGULAR[route];

/** The path after the locale, e.g. /projects/phnom-penh-… */
export const docPath = (type: string, slug: string): string => (BASES[type] ? `/${BASES[type]}/${slug}` : `/${slug}`);
export const href = (locale: Locale | string, path: string): string => `/${locale}${path === '/' ? '' : path}`;
export const docHref = (locale: Locale | string, type: string, slug: string): string => href(locale, docPath(type, slug));

/**
 * Menu addresses in the CMS that the site serves under another path. The seeded menu has an
 * "Art Gallery" entry at /art-gallery, but the site has no such route: photo and art albums share
 * one list, /photo-galleries. Mapping it here (the one place menu hrefs are resolved) keeps that
 * link from being a 404 without editing content.
 */
const NAV_ALIASES: Record<string, string> = {
  '/art-gallery': '/photo-galleries',
};

/** A navigation link from the CMS: site paths get the reader's language, other addresses stay as they are. */
export const navHref = (locale: Locale, target: string): string =>
  target.startsWith('/') && !target.startsWith('//') ? href(locale, NAV_ALIASES[target] ?? target) : target;
