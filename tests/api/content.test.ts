import type { Core, UID } from '@strapi/strapi';
import { COLLECTION_ROUTES, KHMER, ROUTES, http, type Route } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

type Entry = Record<string, any> & { documentId: string; locale: string };

/** A component's values, without the row id that differs from one locale to the other. */
const withoutId = ({ id: _id, ...values }: Record<string, unknown>) => values;

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const nameField = (route: Route) => (['countries', 'partners', 'themes'].includes(route) ? 'name' : 'title');

const list = async (route: string, query: Record<string, unknown>): Promise<Entry[]> => {
  const res = await http(app).get(`/api/${route}`).query(query);
  expect(res.status).toBe(200);
  return res.body.data;
};

const bySlug = async (route: string, slug: string, locale: string, extra: Record<string, unknown> = {}) => {
  const data = await list(route, { 'filters[slug][$eq]': slug, locale, ...extra });
  expect(data).toHaveLength(1);
  return data[0];
};

/** Scalar attributes that every locale shares (relations, media and components are checked elsewhere). */
const sharedScalars = (uid: UID.ContentType): string[] =>
  Object.entries(app.contentTypes[uid].attributes)
    .filter(([, attribute]: [string, any]) => attribute.pluginOptions?.i18n?.localized === false)
    .filter(([, attribute]: [string, any]) => !['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type))
    .map(([name]) => name);

describe.each(ROUTES)('/api/%s', (route) => {
  const field = nameField(route);

  it('lists published entries in English with the flat Strapi 5 shape', async () => {
    const res = await http(app).get(`/api/${route}`).query({ locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.meta.pagination).toEqual(expect.objectContaining({ page: 1, pageSize: 25 }));
    for (const entry of res.body.data) {
      expect(entry.locale).toBe('en');
      expect(typeof entry.documentId).toBe('string');
      expect(entry.attributes).toBeUndefined();
      expect(entry.publishedAt).toBeTruthy();
      expect(entry[field]).not.toMatch(KHMER);
    }
  });

  it('lists the Khmer versions with ?locale=km', async () => {
    const data = await list(route, { locale: 'km' });
    expect(data.length).toBeGreaterThan(0);
    for (const entry of data) {
      expect(entry.locale).toBe('km');
      // Some names stay in Latin letters in Khmer (KCAP); the entry's text is still Khmer.
      expect(JSON.stringify(entry)).toMatch(KHMER);
    }
    expect(data.filter((entry) => KHMER.test(entry[field])).length).toBeGreaterThanOrEqual(data.length / 2);
  });

  it('serves one document by documentId in both locales, and finds it by its slug in both', async () => {
    const [km] = await list(route, { locale: 'km', 'pagination[pageSize]': 1 });
    const en = (await http(app).get(`/api/${route}/${km.documentId}`).query({ locale: 'en' })).body.data;
    const kmOne = (await http(app).get(`/api/${route}/${km.documentId}`).query({ locale: 'km' })).body.data;
    expect(en.documentId).toBe(km.documentId);
    expect(kmOne.locale).toBe('km');
    expect(en[field]).not.toBe(kmOne[field]);

    expect(km.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect((await bySlug(route, km.slug, 'en')).documentId).toBe(km.documentId);
    expect((await bySlug(route, km.slug, 'km')).documentId).toBe(km.documentId);
  });

  it('keeps shared fields equal across locales', async () => {
    const uid = COLLECTION_ROUTES[route];
    const en = await list(route, { locale: 'en', 'pagination[pageSize]': 100 });
    const km = new Map((await list(route, { locale: 'km', 'pagination[pageSize]': 100 })).map((e) => [e.documentId, e]));
    const fields = sharedScalars(uid);
    expect(fields).toContain('slug');
    let compared = 0;
    for (const entry of en.filter((e) => km.has(e.documentId))) {
      for (const name of fields) expect([route, entry.slug, name, km.get(entry.documentId)![name]]).toEqual([route, entry.slug, name, entry[name]]);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('demo content', () => {
  it('has the 29 entries of the country menu, in order, each with its Khmer name', async () => {
    const query = { sort: 'menuOrder:asc', 'pagination[pageSize]': 100 };
    const en = await list('countries', { ...query, locale: 'en' });
    const km = await list('countries', { ...query, locale: 'km' });
    expect(en).toHaveLength(29);
    expect(km.map((c) => c.documentId)).toEqual(en.map((c) => c.documentId));
    expect(en.filter((c) => c.kind === 'region').map((c) => c.name).sort()).toEqual(['Asian Sub-Region', 'Pacific Islands']);
    expect(en.map((c) => c.name)).toEqual(expect.arrayContaining(['Cambodia', 'Iraq', 'Afghanistan', 'Vietnam']));
    expect(km.find((c) => c.isoCode === 'KH')!.name).toBe('កម្ពុជា');
    for (const country of en.filter((c) => c.kind === 'country')) expect(country.isoCode).toMatch(/^[A-Z]{2}$/);
  });

  it('has the Phnom Penh slum upgrading project with relations and components populated in both locales', async () => {
    const project = await list('projects', { 'filters[title][$containsi]': 'Slum Upgrading', locale: 'en' });
    expect(project).toHaveLength(1);
    const populate = {
      'populate[countries][fields][0]': 'name',
      'populate[partners][fields][0]': 'name',
      'populate[donors][fields][0]': 'name',
      'populate[keyFigures]': 'true',
      'populate[totalCost]': 'true',
      'populate[cover][fields][0]': 'url',
    };
    const en = await bySlug('projects', project[0].slug, 'en', populate);
    const km = await bySlug('projects', project[0].slug, 'km', populate);

    expect(en).toEqual(expect.objectContaining({ projectStatus: 'completed', startYear: 2004 }));
    expect(en.countries.map((c: Entry) => c.name)).toEqual(['Cambodia']);
    expect(km.countries.map((c: Entry) => c.name)).toEqual(['កម្ពុជា']);
    expect(en.partners.map((p: Entry) => p.name).join()).toMatch(/Phnom Penh/);
    expect(en.donors.map((p: Entry) => p.name).join()).toMatch(/Trust Fund for Human Security/);
    expect(km.partners).toHaveLength(en.partners.length);
    expect(km.donors).toHaveLength(en.donors.length);
    for (const p of [...km.partners, ...km.donors]) expect(p.name).toMatch(KHMER);

    expect(en.keyFigures.map((f: Entry) => [f.value, f.qualifier])).toEqual([
      [160, 'more-than'],
      [350, 'more-than'],
      [31000, 'more-than'],
    ]);
    expect(km.keyFigures.map((f: Entry) => f.value)).toEqual([160, 350, 31000]);
    expect(km.keyFigures[0].label).toMatch(KHMER);
    expect(withoutId(km.totalCost)).toEqual(withoutId(en.totalCost));
    expect(en.cover.url).toMatch(/^\/uploads\/.+\.jpe?g$/);
    expect(km.cover.url).toBe(en.cover.url);
  });

  it('has photo galleries whose photos carry images in both locales and captions in each language', async () => {
    const populate = { 'populate[photos][populate][image][fields][0]': 'url', 'populate[country][fields][0]': 'name' };
    const en = await list('photo-galleries', { locale: 'en', ...populate });
    const km = new Map((await list('photo-galleries', { locale: 'km', ...populate })).map((g) => [g.documentId, g]));
    expect(en.length).toBeGreaterThanOrEqual(2);
    for (const gallery of en) {
      const khmer = km.get(gallery.documentId)!;
      expect(gallery.photos.length).toBeGreaterThan(0);
      expect(khmer.photos.map((p: Entry) => p.image.url)).toEqual(gallery.photos.map((p: Entry) => p.image.url));
      expect(khmer.photos[0].caption).toMatch(KHMER);
      expect(khmer.country.name).toMatch(KHMER);
    }
  });

  it('leaves some projects and publications untranslated, so fallback has something to show', async () => {
    for (const route of ['projects', 'publications']) {
      const en = await list(route, { locale: 'en', 'pagination[pageSize]': 100, 'fields[0]': 'slug' });
      const km = await list(route, { locale: 'km', 'pagination[pageSize]': 100, 'fields[0]': 'slug' });
      expect(en.length).toBeGreaterThanOrEqual(route === 'projects' ? 9 : 5);
      expect(km.length).toBeLessThan(en.length);
      const missing = en.find((e) => !km.some((k) => k.documentId === e.documentId))!;
      expect(await list(route, { 'filters[slug][$eq]': missing.slug, locale: 'km' })).toEqual([]);
    }
  });

  it('serves the global navigation in both languages', async () => {
    const query = { 'populate[navigation][populate]': 'children', 'populate[contact]': 'true' };
    const en = (await http(app).get('/api/global').query({ ...query, locale: 'en' })).body.data;
    const km = (await http(app).get('/api/global').query({ ...query, locale: 'km' })).body.data;
    expect(en.navigation.map((l: Entry) => l.label)).toEqual([
      'About',
      'Projects',
      'Voices',
      'Programmes',
      'Photo & Art',
      'Publications / Speeches',
      'Vacancy',
      'KCAP',
    ]);
    expect(km.navigation.map((l: Entry) => l.href)).toEqual(en.navigation.map((l: Entry) => l.href));
    expect(km.navigation[1].label).toMatch(KHMER);
    expect(km.siteName).toMatch(KHMER);
    expect(withoutId(km.contact)).toEqual(withoutId(en.contact));
  });
});
