import type { Core, UID } from '@strapi/strapi';

type View = {
  /** Columns of the list view (status and "available in" locales are added by Strapi); none for a single type. */
  list?: string[];
  sort?: [field: string, order: 'ASC' | 'DESC'];
  /** Column headings other than the field's label (fieldLabel). */
  listLabels?: Record<string, string>;
  /** Labels in the edit view other than the field's label (fieldLabel). */
  editLabels?: Record<string, string>;
  /**
   * The edit view, top to bottom, in groups of related fields: what it is; where and when; the
   * long texts; figures and money; links to other content; media. Each group starts a new row
   * (Strapi 5.54's edit view has no section headings: its layout is rows of fields, split into
   * boxes only around dynamic zones).
   */
  edit: string[][];
  /** Help shown under each field in the edit view, in plain words. */
  descriptions: Record<string, string>;
};

const SLUG =
  'Part of the web address, the same in every language: lowercase letters, digits and hyphens, made from the English title.';
const SHARED = 'The same in every language.';
const SHARED_MEDIA = 'The same file is used in every language.';
const SEO = 'Title and description that search engines and social media show for this page. Leave empty to use the title and summary.';
const linked = (what: string) => `${what} The same in every language: a link made or removed here is made in the other languages too.`;

const VIEWS: Record<string, View> = {
  'api::country.country': {
    list: ['name', 'kind', 'isoCode', 'menuOrder'],
    sort: ['menuOrder', 'ASC'],
    edit: [['name', 'slug', 'kind', 'isoCode'], ['menuOrder', 'engagementSince'], ['overview'], ['projects']],
    descriptions: {
      name: 'Name of the country or region as readers see it in this language.',
      slug: SLUG,
      kind: '"region" for a grouping of countries (Pacific Islands, Asian Sub-Region), otherwise "country".',
      isoCode: 'Two-letter ISO 3166-1 code, e.g. KH for Cambodia. Leave empty for a region such as Pacific Islands.',
      menuOrder: "Position in the site's country menu: 1 comes first.",
      engagementSince: 'Year UN-Habitat started working in this country.',
      overview: "What UN-Habitat does in this country: shown at the top of the country's page.",
      projects: linked('Projects in this country (also set from each project).'),
    },
  },
  'api::global.global': {
    edit: [['siteName', 'tagline'], ['footer'], ['navigation'], ['contact']],
    descriptions: {
      siteName: 'Name of the website, shown in the header and in browser tabs.',
      tagline: 'Short line shown under the site name.',
      footer: 'Text at the bottom of every page, e.g. the copyright line.',
      navigation: 'The main menu: each item with its label in this language, its address and its sub-items.',
      contact: 'Address, phone and email of the office, shown on every page.',
    },
  },
  'api::project.project': {
    list: ['title', 'projectStatus', 'countries', 'startYear', 'updatedAt'],
    sort: ['updatedAt', 'DESC'],
    // Strapi adds its own "Status" column (draft/published) at the end of the list.
    listLabels: { projectStatus: 'Project status' },
    // Named projectStatus because Strapi reserves `status` for draft/published; editors know it as the status.
    editLabels: { projectStatus: 'Status' },
    edit: [
      ['title', 'slug', 'projectStatus', 'summary'],
      ['countries', 'location', 'startYear', 'endYear'],
      ['background', 'objectives', 'results'],
      ['keyFigures', 'totalCost'],
      ['partners', 'donors', 'programme', 'themes', 'publications', 'galleries', 'voices'],
      ['cover'],
      ['seo'],
    ],
    descriptions: {
      title: 'Name of the project as readers see it in this language.',
      slug: SLUG,
      projectStatus: 'Where the project stands: planned, ongoing or completed. ' + SHARED,
      summary: 'One or two sentences, shown in lists and search results.',
      countries: linked('Countries where the project works.'),
      location: 'Where the work happens, as readers should see it, e.g. "Phnom Penh".',
      startYear: 'Year the project started. ' + SHARED,
      endYear: 'Year the project ended or will end; empty while not known. ' + SHARED,
      background: 'Why the project exists: the situation it responds to.',
      objectives: 'What the project sets out to do.',
      results: 'What the project achieved so far.',
      keyFigures: 'Headline numbers, e.g. "more than 160 community organisations". Keep the numbers the same in every language.',
      totalCost: 'Total budget of the project; the same in every language.',
      partners: linked('Organisations that carry out or support the project.'),
      donors: linked('Organisations that fund the project.'),
      programme: linked('The programme this project belongs to, if any.'),
      themes: linked('Topics the project is about, used to group projects on the site.'),
      publications: linked('Reports and other publications about the project.'),
      galleries: linked('Photo galleries of the project.'),
      voices: linked('Stories from people the project worked with.'),
      cover: 'Main picture of the project, shown in lists and at the top of its page. ' + SHARED_MEDIA,
      seo: SEO,
    },
  },
  'api::partner.partner': {
    list: ['name', 'acronym', 'kind'],
    sort: ['name', 'ASC'],
    edit: [['name', 'slug', 'acronym', 'kind'], ['description'], ['website'], ['logo']],
    descriptions: {
      name: 'Full name of the organisation in this language.',
      slug: SLUG,
      acronym: 'Short name, e.g. JICA, MLMUPC; the same in every language.',
      kind: 'What sort of organisation it is. ' + SHARED,
      description: 'A few sentences about the organisation and how it works with UN-Habitat.',
      website: "Address of the organisation's website, starting with https://.",
      logo: SHARED_MEDIA,
    },
  },
  'api::programme.programme': {
    list: ['title', 'acronym', 'updatedAt'],
    sort: ['title', 'ASC'],
    edit: [['title', 'slug', 'acronym', 'summary'], ['body'], ['countries', 'partners', 'projects']],
    descriptions: {
      title: 'Name of the programme as readers see it in this language.',
      slug: SLUG,
      acronym: 'Short name, e.g. WAC, PSUP; the same in every language.',
      summary: 'One or two sentences, shown in lists and search results.',
      body: 'What the programme is and does.',
      countries: linked('Countries where the programme works.'),
      partners: linked('Organisations that run or fund the programme.'),
      projects: linked('Projects that belong to the programme (also set from each project).'),
    },
  },
  'api::theme.theme': {
    list: ['name'],
    sort: ['name', 'ASC'],
    edit: [['name', 'slug']],
    descriptions: { name: 'Name of the topic in this language, e.g. "Housing and slum upgrading".', slug: SLUG },
  },
  'api::publication.publication': {
    list: ['title', 'kind', 'year', 'countries'],
    sort: ['year', 'DESC'],
    edit: [
      ['title', 'slug', 'kind', 'summary'],
      ['year', 'publisher', 'pages', 'isbn', 'hsNumber'],
      ['countries', 'projects'],
      ['cover', 'files'],
    ],
    descriptions: {
      title: 'Title of the publication in this language.',
      slug: SLUG,
      kind: 'What sort of publication it is: report, urban profile, guideline… ' + SHARED,
      summary: 'One or two sentences, shown in lists and search results.',
      year: 'Year of publication. ' + SHARED,
      publisher: 'Who published it, e.g. "UN-Habitat".',
      pages: 'Number of pages. ' + SHARED,
      isbn: 'ISBN of this volume, e.g. 978-92-1-132274-3.',
      hsNumber: 'UN-Habitat publication number printed in the imprint, e.g. HS/162/10 E.',
      countries: linked('Countries the publication is about.'),
      projects: linked('Projects the publication is about.'),
      cover: 'Picture of the front cover. ' + SHARED_MEDIA,
      files: 'Files to download, each with a label and the language of the file (en, km…).',
    },
  },
  'api::speech.speech': {
    list: ['title', 'speaker', 'deliveredOn'],
    sort: ['deliveredOn', 'DESC'],
    edit: [['title', 'slug', 'speaker', 'speakerTitle'], ['eventName', 'eventPlace', 'deliveredOn'], ['body']],
    descriptions: {
      title: 'Title of the speech in this language.',
      slug: SLUG,
      speaker: 'Who gave the speech.',
      speakerTitle: "The speaker's position, e.g. \"Executive Director, UN-Habitat\".",
      eventName: 'The event where the speech was given.',
      eventPlace: 'City and country where the speech was given.',
      deliveredOn: 'Day the speech was given. ' + SHARED,
      body: 'Text of the speech.',
    },
  },
  'api::vacancy.vacancy': {
    list: ['title', 'referenceNumber', 'country', 'closesAt'],
    sort: ['closesAt', 'DESC'],
    edit: [
      ['title', 'slug', 'referenceNumber', 'contractType', 'grade'],
      ['dutyStation', 'country', 'postedOn', 'closesAt'],
      ['description', 'howToApply'],
      ['attachment'],
    ],
    descriptions: {
      title: 'Job title in this language.',
      slug: SLUG,
      referenceNumber: 'Job opening number; no two vacancies share one.',
      contractType: 'Kind of contract offered. ' + SHARED,
      grade: 'e.g. P-3, NO-B, Consultant.',
      dutyStation: 'Where the person will work, e.g. "Phnom Penh, Cambodia".',
      country: linked('Country of the duty station.'),
      postedOn: 'Day the vacancy was announced. ' + SHARED,
      closesAt: 'Deadline for applications, with its time zone; the site shows the vacancy as closed after it.',
      description: 'The job: duties, requirements and what the office offers.',
      howToApply: 'How to apply, and what to send.',
      attachment: 'Terms of reference or job description (PDF). ' + SHARED_MEDIA,
    },
  },
  'api::photo-gallery.photo-gallery': {
    list: ['title', 'country', 'takenOn'],
    sort: ['takenOn', 'DESC'],
    edit: [['title', 'slug', 'description'], ['takenOn', 'photographer', 'country'], ['project'], ['cover', 'photos']],
    descriptions: {
      title: 'Title of the gallery in this language.',
      slug: SLUG,
      description: 'A few sentences about what the photos show.',
      takenOn: 'Day (or first day) the photos were taken. ' + SHARED,
      photographer: 'Who took the photos, as the credit should read.',
      country: linked('Country where the photos were taken.'),
      project: linked('The project the photos show, if any.'),
      cover: 'Picture shown in lists of galleries. ' + SHARED_MEDIA,
      photos:
        'Each photo with its caption, place and alt text in this language. Use the same image and credit in every language.',
    },
  },
  'api::voice.voice': {
    list: ['title', 'country', 'date'],
    sort: ['date', 'DESC'],
    edit: [['title', 'slug', 'dateline'], ['date', 'country'], ['body'], ['project']],
    descriptions: {
      title: 'Headline of the story in this language.',
      slug: SLUG,
      dateline: 'Place line shown at the start of the story, e.g. "Ulaanbaatar, Mongolia".',
      date: 'Day the story was written or published. ' + SHARED,
      country: linked('Country the story comes from.'),
      body: 'The story itself, as readers will see it.',
      project: linked('The project the story is about, if any.'),
    },
  },
  'api::page.page': {
    list: ['title', 'slug', 'updatedAt'],
    sort: ['title', 'ASC'],
    edit: [['title', 'slug'], ['body'], ['sections'], ['seo']],
    descriptions: {
      title: 'Title of the page in this language.',
      slug: SLUG,
      body: 'Main text of the page.',
      sections: 'Blocks shown after the body: text, quotes, key figures, downloads, photos.',
      seo: SEO,
    },
  },
};

/** Labels that are not just the attribute name in words. */
const LABELS: Record<string, string> = {
  id: 'ID',
  seo: 'SEO',
  isoCode: 'ISO code',
  isbn: 'ISBN',
  hsNumber: 'HS number',
  href: 'Link address',
  altText: 'Alternative text',
  metaTitle: 'Title for search engines',
  metaDescription: 'Description for search engines',
  shareImage: 'Image when shared',
  engagementSince: 'Working there since',
  createdAt: 'Created',
  updatedAt: 'Last updated',
  publishedAt: 'Published',
};

/** What editors read for a field, in words: startYear → "Start year", keyFigures → "Key figures". */
export const fieldLabel = (name: string): string => {
  if (LABELS[name]) return LABELS[name];
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Bump when VIEWS or the labels change, so that the new defaults reach existing databases once. */
const VIEWS_VERSION = 4;

type EditField = { name: string; size: number };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: EditField[][] };
};

/**
 * Rows of at most 12 columns, each group on rows of its own; a field keeps the width it has now
 * (an administrator may have resized it), else Strapi's default width for its type. A field the
 * groups do not name (one added to the schema later) goes at the end rather than out of sight.
 */
const editRows = (strapi: Core.Strapi, uid: string, view: View, current: EditField[][]): EditField[][] => {
  const sizes: Record<string, { default: number }> = strapi.plugin('content-manager').service('field-sizes').getAllFieldSizes();
  const width = new Map(current.flat().map((field) => [field.name, field.size]));
  const named = new Set(view.edit.flat());
  const rest = current.flat().map((field) => field.name).filter((name) => !named.has(name));
  const attributes = strapi.contentTypes[uid as UID.ContentType].attributes as Record<string, { type: string }>;
  const rows: EditField[][] = [];
  for (const group of [...view.edit, ...(rest.length ? [rest] : [])]) {
    let row: EditField[] = [];
    for (const name of group) {
      if (!attributes[name]) throw new Error(`admin-views: ${uid} has no field "${name}"`);
      const size = width.get(name) ?? sizes[attributes[name].type]?.default ?? 6;
      if (row.reduce((sum, field) => sum + field.size, 0) + size > 12) {
        rows.push(row);
        row = [];
      }
      row.push({ name, size });
    }
    if (row.length) rows.push(row);
  }
  return rows;
};

/** Every field's label in the edit view and column heading in the list, in words (fieldLabel), unless the view names another. */
const labelFields = (configuration: Configuration, view: Pick<View, 'listLabels' | 'editLabels'>): void => {
  for (const [field, metadata] of Object.entries(configuration.metadatas)) {
    metadata.edit = { ...metadata.edit, label: view.editLabels?.[field] ?? fieldLabel(field) };
    metadata.list = { ...metadata.list, label: view.listLabels?.[field] ?? fieldLabel(field) };
  }
};

/**
 * Gives each content type a useful list view (its main columns, a sensible sort), an edit view in
 * groups of related fields, labels in words and help under every field. Applied once per VIEWS_VERSION: an
 * administrator's own changes to a view in the admin panel stay until we deliberately ship new
 * defaults, which then replace them for the types and parts listed here.
 */
export const configureAdminViews = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'habitat' });
  if (((await store.get({ key: 'admin-views-version' })) as number | null) === VIEWS_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(VIEWS)) {
    const contentType = strapi.contentTypes[uid as UID.ContentType];
    const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration(contentType)) as Configuration & { uid: string };
    if (view.list && view.sort) {
      configuration.settings = {
        ...configuration.settings,
        mainField: view.list[0],
        defaultSortBy: view.sort[0],
        defaultSortOrder: view.sort[1],
      };
      configuration.layouts = { ...configuration.layouts, list: ['id', ...view.list] };
    }
    configuration.layouts = { ...configuration.layouts, edit: editRows(strapi, uid, view, configuration.layouts.edit) };
    labelFields(configuration, view);
    for (const [field, description] of Object.entries(view.descriptions)) {
      const metadata = configuration.metadatas[field];
      if (metadata) metadata.edit = { ...metadata.edit, description };
    }
    await contentTypes.updateConfiguration(contentType, configuration);
  }
  // Components' fields (key figures, photos, links…) are labelled the same way.
  const components = strapi.plugin('content-manager').service('components');
  for (const component of Object.values(strapi.components)) {
    const { uid: _uid, category: _category, ...configuration } = (await components.findConfiguration(component)) as Configuration & { uid: string; category: string };
    labelFields(configuration, {});
    await components.updateConfiguration(component, configuration);
  }
  await store.set({ key: 'admin-views-version', value: VIEWS_VERSION });
};
