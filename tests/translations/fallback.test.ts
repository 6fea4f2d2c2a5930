import type { Core } from '@strapi/strapi';
import { KHMER, ROUTES, expectJsonError, http } from '../helpers/http';
import path from 'path';
import { distDir } from '../helpers/environment';
import { startStrapi, stopStrapi } from '../helpers/strapi';

type Entry = Record<string, any> & { documentId: string; locale: string };

const UNTRANSLATED_PROJECTS = [
  'support-to-the-coordination-of-early-recovery-shelter-interventions-shelter-cluster-lead',
  'technical-support-to-post-conflict-housing-development',
];
const TIMOR_PROJECT = 'technical-support-to-post-conflict-housing-development';
const PUPR = 'phnom-penh-pupr-phase-2-slum-upgrading';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const get = async (path: string, query: Record<string, unknown>) => {
  const res = await http(app).get(path).query(query);
  expect(res.status).toBe(200);
  return res.body as { data: any; meta: any };
};
const FALLBACK = { locale: 'km', fallbackLocale: 'en' };
const all = { 'pagination[pageSize]': 100 };

describe('?locale=km&fallbackLocale=en on lists', () => {
  it('serves every published document once: in Khmer where it has Khmer, in English otherwise', async () => {
    const { data, meta } = await get('/api/projects', { ...FALLBACK, ...all });
    const english = await get('/api/projects', { locale: 'en', ...all });
    const khmer = await get('/api/projects', { locale: 'km', ...all });

    expect(data).toHaveLength(english.data.length);
    expect(new Set(data.map((e: Entry) => e.documentId)).size).toBe(data.length);
    expect(meta.pagination.total).toBe(english.data.length);

    const khmerIds = new Set(khmer.data.map((e: Entry) => e.documentId));
    for (const entry of data as Entry[]) {
      expect(entry.locale).toBe(khmerIds.has(entry.documentId) ? 'km' : 'en');
      if (entry.locale === 'km') expect(entry.title).toMatch(KHMER);
    }
    expect(data.filter((e: Entry) => e.locale === 'en').map((e: Entry) => e.slug).sort()).toEqual([...UNTRANSLATED_PROJECTS].sort());
  });

  it('leaves plain ?locale=km as Strapi has it: only documents that have Khmer', async () => {
    const { data } = await get('/api/projects', { locale: 'km', ...all });
    expect(data).toHaveLength(10);
    expect(data.every((e: Entry) => e.locale === 'km')).toBe(true);
  });

  it.each(ROUTES)('counts documents on /api/%s: as many as there are English documents', async (route) => {
    const fallback = await get(`/api/${route}`, { ...FALLBACK, ...all });
    const english = await get(`/api/${route}`, { locale: 'en', ...all });
    expect(fallback.meta.pagination.total).toBe(english.meta.pagination.total);
    expect(fallback.data.map((e: Entry) => e.documentId).sort()).toEqual(english.data.map((e: Entry) => e.documentId).sort());
  });

  it('puts every document on exactly one page, also when the sort has ties', async () => {
    const seen: string[] = [];
    let pageCount = 1;
    for (let page = 1; page <= pageCount; page += 1) {
      const { data, meta } = await get('/api/projects', { ...FALLBACK, sort: 'projectStatus:asc', 'pagination[pageSize]': 5, 'pagination[page]': page });
      expect(meta.pagination).toEqual({ page, pageSize: 5, pageCount: 3, total: 12 });
      pageCount = meta.pagination.pageCount;
      seen.push(...data.map((e: Entry) => e.documentId));
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('applies filters to the version served', async () => {
    // The English title of the PUPR project matches, but it is served in Khmer: no match.
    const englishTitle = { 'filters[title][$containsi]': 'Slum Upgrading' };
    expect((await get('/api/projects', { locale: 'en', ...englishTitle })).data).toHaveLength(1);
    const served = await get('/api/projects', { ...FALLBACK, ...englishTitle });
    expect(served.data).toHaveLength(0);
    expect(served.meta.pagination.total).toBe(0);

    // An untranslated project is served (and found) in English.
    const shelter = await get('/api/projects', { ...FALLBACK, 'filters[title][$containsi]': 'shelter' });
    expect(shelter.data.map((e: Entry) => [e.slug, e.locale])).toEqual([[UNTRANSLATED_PROJECTS[0], 'en']]);

    // Shared fields filter as usual, on whichever version is served.
    const timor = await get('/api/projects', { ...FALLBACK, 'filters[slug][$eq]': TIMOR_PROJECT });
    expect(timor.data.map((e: Entry) => e.locale)).toEqual(['en']);
  });

  it('sorts on the version served', async () => {
    const isLatin = (e: Entry) => !KHMER.test(e.title);
    const asc = (await get('/api/projects', { ...FALLBACK, sort: 'title:asc', ...all })).data as Entry[];
    const desc = (await get('/api/projects', { ...FALLBACK, sort: 'title:desc', ...all })).data as Entry[];
    // A Khmer list sorts in Khmer order (Intl.Collator('km'), both databases): Khmer titles, then the
    // two English ones (Latin letters); the reverse for desc.
    const collator = new Intl.Collator('km');
    expect(asc.map((e) => e.title)).toEqual(asc.map((e) => e.title).sort(collator.compare));
    expect(asc.slice(-2).every(isLatin)).toBe(true);
    expect(asc.slice(0, -2).some(isLatin)).toBe(false);
    expect(desc.map((e) => e.title)).toEqual([...asc.map((e) => e.title)].reverse());
  });

  it('keeps the served locale in the answer when fields are restricted', async () => {
    const { data } = await get('/api/projects', { ...FALLBACK, 'fields[0]': 'title', ...all });
    expect(data.every((e: Entry) => ['km', 'en'].includes(e.locale))).toBe(true);
    expect(data.every((e: Entry) => e.summary === undefined)).toBe(true);
  });
});

describe('?locale=km&fallbackLocale=en on single documents', () => {
  const documentIdOf = async (slug: string) =>
    (await get('/api/projects', { locale: 'en', 'filters[slug][$eq]': slug })).data[0].documentId as string;

  it('serves the Khmer version where there is one, the English one otherwise', async () => {
    const translated = await get(`/api/projects/${await documentIdOf(PUPR)}`, FALLBACK);
    expect(translated.data.locale).toBe('km');
    expect(translated.data.title).toMatch(KHMER);

    const untranslated = await documentIdOf(TIMOR_PROJECT);
    const res = await http(app).get(`/api/projects/${untranslated}`).query({ locale: 'km' });
    expect(res.status).toBe(404);
    const served = await get(`/api/projects/${untranslated}`, FALLBACK);
    expect(served.data.locale).toBe('en');
    expect(served.data.slug).toBe(TIMOR_PROJECT);
  });

  it('answers 404 for a document that does not exist in any locale of the chain', async () => {
    const res = await http(app).get('/api/projects/doesnotexist0000000000000').query(FALLBACK);
    expect(res.status).toBe(404);
  });

  it('works on the single type (global)', async () => {
    const { data } = await get('/api/global', { ...FALLBACK, 'populate[navigation]': true });
    expect(data.locale).toBe('km');
    expect(data.navigation.length).toBeGreaterThan(0);
  });
});

describe('populated relations', () => {
  it('follow the same rule: a Khmer project shows its countries in Khmer', async () => {
    const { data } = await get('/api/projects', { ...FALLBACK, 'filters[slug][$eq]': PUPR, 'populate[countries][fields][0]': 'name' });
    expect(data[0].locale).toBe('km');
    expect(data[0].countries.map((c: Entry) => c.locale)).toEqual(['km']);
    expect(data[0].countries[0].name).toMatch(KHMER);
  });

  it('an English-only project shows its countries in Khmer where they exist', async () => {
    const { data } = await get('/api/projects', { ...FALLBACK, 'filters[slug][$eq]': TIMOR_PROJECT, populate: 'countries' });
    expect(data[0].locale).toBe('en');
    expect(data[0].countries).toHaveLength(1);
    expect(data[0].countries[0]).toEqual(expect.objectContaining({ slug: 'timor-leste', locale: 'km' }));
  });

  it('a Khmer country lists its English-only projects, in English', async () => {
    const { data } = await get('/api/countries', {
      ...FALLBACK,
      'filters[slug][$eq]': 'timor-leste',
      'populate[projects][fields][0]': 'title',
      'populate[projects][fields][1]': 'slug',
    });
    expect(data[0].locale).toBe('km');
    expect(data[0].projects.map((p: Entry) => [p.slug, p.locale])).toEqual([[TIMOR_PROJECT, 'en']]);
    // Without the fallback, Strapi has no Khmer project to show.
    const plain = await get('/api/countries', { locale: 'km', 'filters[slug][$eq]': 'timor-leste', populate: 'projects' });
    expect(plain.data[0].projects).toEqual([]);
  });

  it('apply the relation filters to the served version', async () => {
    const { data } = await get('/api/countries', {
      ...FALLBACK,
      'filters[slug][$eq]': 'cambodia',
      'populate[projects][filters][locale][$eq]': 'en',
    });
    expect(data[0].projects).toEqual([]);
  });

  it('keep media and components populated as usual', async () => {
    const { data } = await get('/api/projects', { ...FALLBACK, 'filters[slug][$eq]': PUPR, 'populate[keyFigures]': true, 'populate[cover]': true });
    expect(data[0].keyFigures.length).toBeGreaterThan(0);
    expect(data[0].cover?.url).toEqual(expect.any(String));
  });
});

describe('a default chain', () => {
  // Configuration changes with a restart, which starts a new cache generation; here it changes in
  // the running app, so the test starts the new generation itself.
  const configure = async (fallbacks: Record<string, string[]>) => {
    app.config.set('plugin::translations.defaultFallbacks', fallbacks);
    await require(path.join(distDir, 'src', 'cache', 'response-cache')).responseCache(app).newGeneration();
  };
  afterEach(() => configure({}));

  it('applies to requests that name no fallbackLocale once configured (FALLBACK_LOCALES=km:en)', async () => {
    expect((await get('/api/projects', { locale: 'km', ...all })).data).toHaveLength(10);
    await configure({ km: ['en'] });
    const { data } = await get('/api/projects', { locale: 'km', ...all });
    expect(data).toHaveLength(12);
    expect(data.filter((e: Entry) => e.locale === 'en')).toHaveLength(2);
  });
});

describe('bad input', () => {
  it.each([
    ['zz', /Unknown fallbackLocale "zz"\. Available locales: en, km\./],
    ['en,zz', /Unknown fallbackLocale "zz"/],
    ['', /fallbackLocale/],
  ])('fallbackLocale=%s answers 400 saying what is wrong', async (value, message) => {
    const res = await http(app).get('/api/projects').query({ locale: 'km', fallbackLocale: value });
    expectJsonError(res, 400, message);
  });

  it('an unknown fallbackLocale in a Document Service call is refused too', async () => {
    await expect(
      app.documents('api::project.project').findMany({ locale: 'km', fallbackLocale: 'zz', status: 'published' } as never)
    ).rejects.toThrow(/Unknown fallbackLocale "zz"/);
  });
});

describe('cost', () => {
  /** SQL statements run while answering one request. */
  const statements = async (query: Record<string, unknown>): Promise<number> => {
    let count = 0;
    const listener = () => void (count += 1);
    app.db.connection.on('query', listener);
    try {
      await get('/api/projects', query);
    } finally {
      app.db.connection.off('query', listener);
    }
    return count;
  };

  it('does not grow with the page size (no query per document)', async () => {
    const query = { ...FALLBACK, 'populate[countries][fields][0]': 'name', 'populate[keyFigures]': true };
    const small = await statements({ ...query, 'pagination[pageSize]': 2 });
    const large = await statements({ ...query, 'pagination[pageSize]': 12 });
    const plain = await statements({ locale: 'km', 'populate[countries][fields][0]': 'name', 'populate[keyFigures]': true, 'pagination[pageSize]': 12 });
    expect(large).toBe(small);
    // Same order as a plain list: a fixed number more (the lookup of translated documents, the
    // relation's versions, and the related documents' own lookup), not more per document.
    expect(large).toBeLessThanOrEqual(plain + 8);
  });
});
