import { cmsGet, localeParams, tags, type ListAnswer } from './cms';
import type { Locale } from './i18n';
import type {
  Country,
  Global,
  Page,
  PhotoGallery,
  Programme,
  Project,
  Publication,
  SearchHit,
  Speech,
  Theme,
  Vacancy,
  Voice,
} from './types';

/**
 * One function per thing a page shows: what it asks the CMS for, and which cache tags it carries.
 * A document page is tagged with its own document, and with the types it shows through relations.
 */

const PAGE_SIZE = 24;
const media = { fields: ['url', 'alternativeText', 'width', 'height', 'name', 'formats', 'mime', 'size'] };
const card = (fields: string[]) => ({ fields: ['slug', 'locale', ...fields] });
const projectCard = {
  fields: ['title', 'slug', 'locale', 'summary', 'startYear', 'endYear', 'location', 'projectStatus'],
  populate: { cover: media, countries: card(['name']) },
};

const list = async <T>(path: string, locale: Locale, params: Record<string, unknown>, cacheTags: string[]): Promise<ListAnswer<T>> => {
  const answer = await cmsGet<ListAnswer<T>>(path, { ...localeParams(locale), ...(params as object) } as never, cacheTags);
  return answer ?? { data: [], meta: { pagination: { page: 1, pageSize: 0, pageCount: 0, total: 0 } } };
};

const one = async <T>(path: string, locale: Locale, slug: string, populate: unknown, cacheTags: string[]): Promise<T | null> => {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return null; // not a slug the CMS can hold: no request
  const answer = await list<T>(path, locale, { filters: { slug: { $eq: slug } }, populate }, cacheTags);
  return answer.data[0] ?? null;
};

const withLocalizations = { localizations: { fields: ['locale'] } };

export const getGlobal = (locale: Locale) =>
  cmsGet<{ data: Global }>('global', { ...localeParams(locale), populate: { navigation: { populate: '*' }, contact: true } }, ['global']).then((a) => a?.data ?? null);

/** The country menu: all 29 entries, in menu order. */
export const getCountryMenu = (locale: Locale) =>
  list<Country>('countries', locale, { fields: ['name', 'slug', 'locale', 'menuOrder', 'kind', 'isoCode'], sort: ['menuOrder:asc'], pagination: { pageSize: 100 } }, [tags.type('country')]).then((a) => a.data);

export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed'] as const;

export const getProjects = (locale: Locale, options: { page?: number; status?: string; country?: string; theme?: string; programme?: string; pageSize?: number } = {}) => {
  const filters: Record<string, unknown> = {};
  if (options.status) filters.projectStatus = { $eq: options.status };
  if (options.country) filters.countries = { slug: { $eq: options.country } };
  if (options.theme) filters.themes = { slug: { $eq: options.theme } };
  if (options.programme) filters.programme = { slug: { $eq: options.programme } };
  return list<Project>('projects', locale, { ...projectCard, filters, sort: ['startYear:desc', 'title:asc'], pagination: { page: options.page ?? 1, pageSize: options.pageSize ?? PAGE_SIZE } }, [tags.type('project'), tags.type('country')]);
};

export const getProject = (locale: Locale, slug: string) =>
  one<Project>(
    'projects',
    locale,
    slug,
    {
      cover: media,
      countries: card(['name']),
      keyFigures: true,
      totalCost: true,
      partners: card(['name', 'acronym', 'website', 'kind']),
      donors: card(['name', 'acronym', 'website', 'kind']),
      programme: card(['title', 'acronym']),
      themes: card(['name']),
      publications: card(['title', 'year', 'kind']),
      galleries: { ...card(['title']), populate: { cover: media } },
      voices: card(['title', 'dateline', 'date']),
      seo: { populate: { shareImage: media } },
      ...withLocalizations,
    },
    [tags.doc('project', slug), ...['country', 'partner', 'programme', 'theme', 'publication', 'photo-gallery', 'voice'].map(tags.type)]
  );

export const getCountry = (locale: Locale, slug: string) =>
  one<Country>('countries', locale, slug, { ...withLocalizations }, [tags.doc('country', slug)]);

export const getCountries = (locale: Locale) =>
  list<Country>('countries', locale, { fields: ['name', 'slug', 'locale', 'kind', 'isoCode', 'menuOrder'], sort: ['menuOrder:asc'], pagination: { pageSize: 100 } }, [tags.type('country')]).then((a) => a.data);

export const getProgrammes = (locale: Locale) =>
  list<Programme>('programmes', locale, { fields: ['title', 'slug', 'locale', 'acronym', 'summary'], sort: ['title:asc'], pagination: { pageSize: 100 } }, [tags.type('programme')]).then((a) => a.data);

export const getProgramme = (locale: Locale, slug: string) =>
  one<Programme>('programmes', locale, slug, { countries: card(['name']), partners: card(['name', 'acronym', 'website']), ...withLocalizations }, [tags.doc('programme', slug), tags.type('country'), tags.type('partner')]);

export const getThemes = (locale: Locale) =>
  list<Theme>('themes', locale, { fields: ['name', 'slug', 'locale'], sort: ['name:asc'], pagination: { pageSize: 100 } }, [tags.type('theme')]).then((a) => a.data);

export const getTheme = (locale: Locale, slug: string) => one<Theme>('themes', locale, slug, { ...withLocalizations }, [tags.doc('theme', slug)]);

export const getVoices = (locale: Locale) =>
  list<Voice>('voices', locale, { fields: ['title', 'slug', 'locale', 'dateline', 'date'], populate: { country: card(['name']) }, sort: ['date:desc', 'title:asc'], pagination: { pageSize: 100 } }, [tags.type('voice'), tags.type('country')]);

export const getVoice = (locale: Locale, slug: string) =>
  one<Voice>('voices', locale, slug, { country: card(['name']), project: card(['title']), ...withLocalizations }, [tags.doc('voice', slug), tags.type('country'), tags.type('project')]);

export const getGalleries = (locale: Locale) =>
  list<PhotoGallery>('photo-galleries', locale, { fields: ['title', 'slug', 'locale', 'description', 'takenOn'], populate: { cover: media, country: card(['name']) }, sort: ['takenOn:desc', 'title:asc'], pagination: { pageSize: 100 } }, [tags.type('photo-gallery'), tags.type('country')]);

export const getGallery = (locale: Locale, slug: string) =>
  one<PhotoGallery>('photo-galleries', locale, slug, { cover: media, photos: { populate: { image: media } }, country: card(['name']), project: card(['title']), ...withLocalizations }, [tags.doc('photo-gallery', slug), tags.type('country'), tags.type('project')]);

export const getPublications = (locale: Locale) =>
  list<Publication>('publications', locale, { fields: ['title', 'slug', 'locale', 'kind', 'year', 'summary'], populate: { cover: media }, sort: ['year:desc', 'title:asc'], pagination: { pageSize: 100 } }, [tags.type('publication')]);

export const getPublication = (locale: Locale, slug: string) =>
  one<Publication>('publications', locale, slug, { cover: media, files: { populate: { file: media } }, countries: card(['name']), projects: card(['title']), ...withLocalizations }, [tags.doc('publication', slug), tags.type('country'), tags.type('project')]);

export const getSpeeches = (locale: Locale) =>
  list<Speech>('speeches', locale, { fields: ['title', 'slug', 'locale', 'speaker', 'eventName', 'eventPlace', 'deliveredOn'], sort: ['deliveredOn:desc'], pagination: { pageSize: 100 } }, [tags.type('speech')]);

export const getSpeech = (locale: Locale, slug: string) => one<Speech>('speeches', locale, slug, { ...withLocalizations }, [tags.doc('speech', slug)]);

export const getVacancies = (locale: Locale) =>
  list<Vacancy>('vacancies', locale, { fields: ['title', 'slug', 'locale', 'dutyStation', 'contractType', 'grade', 'closesAt', 'postedOn', 'referenceNumber'], sort: ['closesAt:desc'], pagination: { pageSize: 100 } }, [tags.type('vacancy')]).then((a) => a.data);

export const getVacancy = (locale: Locale, slug: string) =>
  one<Vacancy>('vacancies', locale, slug, { attachment: media, country: card(['name']), ...withLocalizations }, [tags.doc('vacancy', slug), tags.type('country')]);

export const getPage = (locale: Locale, slug: string) =>
  one<Page>('pages', locale, slug, { sections: { on: { 'shared.rich-text': true, 'shared.quote': true, 'shared.key-figure': true, 'shared.file-download': { populate: { file: media } }, 'media.photo': { populate: { image: media } } } }, seo: { populate: { shareImage: media } }, ...withLocalizations }, [tags.doc('page', slug)]);

/** Site search through the CMS's /api/search: never cached (the query is the reader's). */
export const search = async (locale: Locale, q: string, page = 1) => {
  const answer = await cmsGet<ListAnswer<SearchHit>>('search', { q, ...localeParams(locale), pagination: { page, pageSize: 20 } }, [], { noStore: true });
  return answer ?? { data: [], meta: { pagination: { page: 1, pageSize: 20, pageCount: 0, total: 0 } } };
};

/** Every published slug of a type in a language (sitemap). */
export const allSlugs = async (path: string, type: string, locale: Locale): Promise<Array<{ slug: string; locale: string; updatedAt?: string }>> => {
  const out: Array<{ slug: string; locale: string; updatedAt?: string }> = [];
  for (let page = 1; ; page++) {
    const answer = await list<{ slug: string; locale: string; updatedAt?: string }>(path, locale, { fields: ['slug', 'locale', 'updatedAt'], pagination: { page, pageSize: 100 } }, [tags.type(type)]);
    out.push(...answer.data);
    if (page >= answer.meta.pagination.pageCount) return out;
  }
};
