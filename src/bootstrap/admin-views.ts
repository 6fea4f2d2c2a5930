import type { Core, UID } from '@strapi/strapi';

type View = {
  /** Columns of the list view (status and "available in" locales are added by Strapi). */
  list: string[];
  sort: [field: string, order: 'ASC' | 'DESC'];
  /** Help shown under a field in the edit view, in plain words. */
  descriptions?: Record<string, string>;
};

const SLUG =
  'Part of the web address, the same in every language: lowercase letters, digits and hyphens, made from the English title.';
const SHARED_MEDIA = 'The same file is used in every language.';

const VIEWS: Record<string, View> = {
  'api::country.country': {
    list: ['name', 'kind', 'isoCode', 'menuOrder'],
    sort: ['menuOrder', 'ASC'],
    descriptions: {
      slug: SLUG,
      isoCode: 'Two-letter ISO 3166-1 code, e.g. KH for Cambodia. Leave empty for a region such as Pacific Islands.',
      kind: '"region" for a grouping of countries (Pacific Islands, Asian Sub-Region), otherwise "country".',
      menuOrder: "Position in the site's country menu: 1 comes first.",
      engagementSince: 'Year UN-Habitat started working in this country.',
    },
  },
  'api::project.project': {
    list: ['title', 'status', 'countries', 'startYear', 'updatedAt'],
    sort: ['updatedAt', 'DESC'],
    descriptions: {
      slug: SLUG,
      location: 'Where the work happens, as readers should see it, e.g. "Phnom Penh".',
      summary: 'One or two sentences, shown in lists and search results.',
      keyFigures: 'Headline numbers, e.g. "more than 160 community organisations". Keep the numbers the same in every language.',
      totalCost: 'Total budget of the project; the same in every language.',
      partners: 'Organisations that carry out or support the project.',
      donors: 'Organisations that fund the project.',
      cover: SHARED_MEDIA,
    },
  },
  'api::partner.partner': {
    list: ['name', 'acronym', 'kind'],
    sort: ['name', 'ASC'],
    descriptions: { slug: SLUG, acronym: 'Short name, e.g. JICA, MLMUPC; the same in every language.' },
  },
  'api::programme.programme': {
    list: ['title', 'acronym', 'updatedAt'],
    sort: ['title', 'ASC'],
    descriptions: { slug: SLUG, acronym: 'Short name, e.g. WAC, PSUP; the same in every language.' },
  },
  'api::theme.theme': { list: ['name'], sort: ['name', 'ASC'], descriptions: { slug: SLUG } },
  'api::publication.publication': {
    list: ['title', 'kind', 'year', 'countries'],
    sort: ['year', 'DESC'],
    descriptions: {
      slug: SLUG,
      hsNumber: 'UN-Habitat publication number printed in the imprint, e.g. HS/162/10 E.',
      isbn: 'ISBN of this volume, e.g. 978-92-1-132274-3.',
      files: 'Files to download, each with a label and the language of the file (en, km…).',
      cover: SHARED_MEDIA,
    },
  },
  'api::speech.speech': {
    list: ['title', 'speaker', 'deliveredOn'],
    sort: ['deliveredOn', 'DESC'],
    descriptions: {
      slug: SLUG,
      speakerTitle: "The speaker's position, e.g. \"Executive Director, UN-Habitat\".",
      eventPlace: 'City and country where the speech was given.',
    },
  },
  'api::vacancy.vacancy': {
    list: ['title', 'referenceNumber', 'country', 'closesAt'],
    sort: ['closesAt', 'DESC'],
    descriptions: {
      slug: SLUG,
      referenceNumber: 'Job opening number; no two vacancies share one.',
      grade: 'e.g. P-3, NO-B, Consultant.',
      closesAt: 'Deadline for applications, with its time zone; the site shows the vacancy as closed after it.',
      attachment: 'Terms of reference or job description (PDF). ' + SHARED_MEDIA,
    },
  },
  'api::photo-gallery.photo-gallery': {
    list: ['title', 'country', 'takenOn'],
    sort: ['takenOn', 'DESC'],
    descriptions: {
      slug: SLUG,
      photos:
        'Each photo with its caption, place and alt text in this language. Use the same image and credit in every language.',
      cover: SHARED_MEDIA,
    },
  },
  'api::voice.voice': {
    list: ['title', 'country', 'date'],
    sort: ['date', 'DESC'],
    descriptions: { slug: SLUG, dateline: 'Place line shown at the start of the story, e.g. "Ulaanbaatar, Mongolia".' },
  },
  'api::page.page': {
    list: ['title', 'slug', 'updatedAt'],
    sort: ['title', 'ASC'],
    descriptions: { slug: SLUG, sections: 'Blocks shown after the body: text, quotes, key figures, downloads, photos.' },
  },
};

/** Bump when VIEWS changes, so that the new defaults reach existing databases once. */
const VIEWS_VERSION = 1;

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
};

/**
 * Gives each content type a useful list view (its main columns, a sensible sort) and field help
 * in the edit view. Applied once per VIEWS_VERSION: an administrator's own changes to a view in
 * the admin panel stay until we deliberately ship new defaults.
 */
export const configureAdminViews = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'habitat' });
  if (((await store.get({ key: 'admin-views-version' })) as number | null) === VIEWS_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(VIEWS)) {
    const contentType = strapi.contentTypes[uid as UID.ContentType];
    const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration(contentType)) as Configuration & { uid: string };
    const mainField = view.list[0];
    configuration.settings = {
      ...configuration.settings,
      mainField,
      defaultSortBy: view.sort[0],
      defaultSortOrder: view.sort[1],
    };
    configuration.layouts = { ...configuration.layouts, list: ['id', ...view.list] };
    for (const [field, description] of Object.entries(view.descriptions ?? {})) {
      const metadata = configuration.metadatas[field];
      if (metadata) metadata.edit = { ...metadata.edit, description };
    }
    await contentTypes.updateConfiguration(contentType, configuration);
  }
  await store.set({ key: 'admin-views-version', value: VIEWS_VERSION });
};
