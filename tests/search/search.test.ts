import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

type Hit = { type: string; documentId: string; slug: string; title: string; snippet: string; locale: string; score: number };

const PUPR = 'phnom-penh-pupr-phase-2-slum-upgrading';
const UNTRANSLATED = 'technical-support-to-post-conflict-housing-development';
const PROJECT = 'api::project.project';

let app: Core.Strapi;
const created: string[] = [];
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  for (const documentId of created) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  await stopStrapi(app);
});

const search = async (query: Record<string, unknown>) => {
  const res = await http(app).get('/api/search').query(query);
  expect(res.status).toBe(200);
  return res.body as { data: Hit[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };
};
const slugs = (hits: Hit[]) => hits.map((hit) => hit.slug);

describe('GET /api/search in Khmer, with the demo content', () => {
  it('finds a phrase typed with a zero-width space between the words (Khmer keyboards type one for Space)', async () => {
    const { data } = await search({ q: 'ភាពជា\u200bដៃគូ', locale: 'km', 'pagination[pageSize]': 100 });
    expect(slugs(data)).toContain(PUPR);
    const pupr = data.find((hit) => hit.slug === PUPR) as Hit;
    expect(pupr).toMatchObject({ type: 'projects', locale: 'km' });
    expect(pupr.title).toMatch(/^ភ្នំពេញ/);
    expect(pupr.snippet).toContain('<mark>ភាពជាដៃគូ</mark>');
  });

  it('also finds it with ZWNJ/ZWJ and a soft hyphen inside the words', async () => {
    const plain = await search({ q: 'ភាពជាដៃគូ', locale: 'km' });
    const noisy = await search({ q: 'ភាព\u200cជា\u00adដៃ\u200dគូ', locale: 'km' });
    expect(plain.data.length).toBeGreaterThan(0);
    expect(slugs(noisy.data)).toEqual(slugs(plain.data));
  });

  it('finds a word inside a compound (ក្រីក្រ "poor" in ភាពក្រីក្រ "poverty")', async () => {
    const { data } = await search({ q: 'ក្រីក្រ', locale: 'km', types: 'projects', 'pagination[pageSize]': 100 });
    expect(slugs(data)).toEqual(expect.arrayContaining([PUPR, 'phnom-penh-urban-poverty-reduction-project']));
    expect(data.every((hit) => hit.type === 'projects' && hit.locale === 'km')).toBe(true);
  });

  it('matches spellings that differ only in code-point order (ស្រ្តី typed coeng-ro first finds ស្ត្រី)', async () => {
    const stored = await search({ q: 'ស្ត្រី', locale: 'km' });
    const variant = await search({ q: '\u179F\u17D2\u179A\u17D2\u178F\u17B8', locale: 'km' });
    expect(stored.data.length).toBeGreaterThan(0);
    expect(stored.data.some((hit) => hit.type === 'photo-galleries')).toBe(true);
    expect(slugs(variant.data)).toEqual(slugs(stored.data));
    // The snippet shows the text as stored, not as normalised.
    expect(variant.data[0].snippet).toContain('<mark>ស្ត្រី</mark>');
  });

  it('matches Khmer digits with ASCII digits both ways (២០០៤ = 2004)', async () => {
    const khmer = await search({ q: 'ឆ្នាំ២០០៤', locale: 'km', 'pagination[pageSize]': 100 });
    const ascii = await search({ q: 'ឆ្នាំ 2004', locale: 'km', 'pagination[pageSize]': 100 });
    expect(slugs(khmer.data)).toContain(PUPR);
    expect(slugs(ascii.data)).toEqual(slugs(khmer.data));
    expect(khmer.data.find((hit) => hit.slug === PUPR)?.snippet).toMatch(/<mark>២០០៤<\/mark>/);
  });

  it('does not find what the text does not contain', async () => {
    const { data, meta } = await search({ q: 'ក្រីក្រ ហ្វីជីស៊ី', locale: 'km' });
    expect(data).toEqual([]);
    expect(meta.pagination.total).toBe(0);
  });
});

describe('GET /api/search in English', () => {
  it('ignores case and accents', async () => {
    const lower = await search({ q: 'slum upgrading', locale: 'en' });
    const upper = await search({ q: 'SLUM ÚPGRÁDING', locale: 'en' });
    expect(slugs(lower.data)).toContain(PUPR);
    expect(slugs(upper.data)).toEqual(slugs(lower.data));
  });

  it('matches prefixes at word starts, not inside words', async () => {
    const { data } = await search({ q: 'upgrad', locale: 'en', types: 'projects' });
    expect(slugs(data)).toEqual(expect.arrayContaining([PUPR, 'community-led-ger-area-upgrading-in-ulaanbaatar-city']));
    expect(data.find((hit) => hit.slug === PUPR)?.snippet).toContain('<mark>Upgrad</mark>ing');
    const inside = await search({ q: 'pgrading', locale: 'en' });
    expect(inside.data).toEqual([]);
  });

  it('requires every word of the query', async () => {
    const both = await search({ q: 'phnom slum', locale: 'en', 'pagination[pageSize]': 100 });
    const phnom = await search({ q: 'phnom', locale: 'en', 'pagination[pageSize]': 100 });
    expect(slugs(both.data)).toContain(PUPR);
    expect(both.data.length).toBeLessThan(phnom.data.length);
    expect((await search({ q: 'phnom zanzibar', locale: 'en' })).data).toEqual([]);
  });

  it('searches across types, titles first, and narrows to the types asked for', async () => {
    const { data } = await search({ q: 'cambodia', locale: 'en', 'pagination[pageSize]': 100 });
    const types = new Set(data.map((hit) => hit.type));
    expect(types.has('countries')).toBe(true);
    expect(types.has('projects')).toBe(true);
    const scores = data.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Title matches (the country Cambodia) rank above body-only matches.
    const country = data.findIndex((hit) => hit.slug === 'cambodia');
    expect(data[country].score).toBeGreaterThan(data[data.length - 1].score);

    const narrowed = await search({ q: 'cambodia', locale: 'en', types: 'countries,publications', 'pagination[pageSize]': 100 });
    expect(narrowed.data.length).toBeGreaterThan(0);
    expect(narrowed.data.every((hit) => ['countries', 'publications'].includes(hit.type))).toBe(true);
  });

  it('leaves out a type the Public role may not read (as GET /api/<type> would refuse it), and brings it back', async () => {
    const query = { q: 'officer housing recovery', locale: 'en', 'pagination[pageSize]': 100 };
    expect((await search(query)).data.map((hit) => hit.type)).toContain('vacancies');
    const permissions = app.db.query('plugin::users-permissions.permission');
    const granted = await permissions.findOne({ where: { action: 'api::vacancy.vacancy.find', role: { type: 'public' } }, populate: ['role'] });
    expect(granted).not.toBeNull();
    await permissions.delete({ where: { id: granted.id } });
    try {
      expect((await http(app).get('/api/vacancies')).status).toBe(403);
      expect((await search(query)).data.map((hit) => hit.type)).not.toContain('vacancies');
      const only = await search({ ...query, types: 'vacancies' });
      expect(only).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } } });
    } finally {
      await permissions.create({ data: { action: 'api::vacancy.vacancy.find', role: granted.role.id } });
    }
    expect((await search(query)).data.map((hit) => hit.type)).toContain('vacancies');
  });

  it('pages through the results in the same order whether a page holds only title matches or not', async () => {
    for (const q of ['housing', 'ផ្ទះ']) {
      const locale = q === 'housing' ? 'en' : 'km';
      const all = await search({ q, locale, 'pagination[pageSize]': 100 });
      const titled = all.data.filter((hit) => hit.score === 100).length;
      expect(titled).toBeGreaterThanOrEqual(2);
      expect(all.data.length).toBeGreaterThan(titled);
      for (const [page, pageSize] of [[1, 2], [2, 1], [1, titled], [1, titled + 1], [2, titled]]) {
        const { data, meta } = await search({ q, locale, 'pagination[page]': page, 'pagination[pageSize]': pageSize });
        expect(meta.pagination.total).toBe(all.meta.pagination.total);
        expect(data).toEqual(all.data.slice((page - 1) * pageSize, page * pageSize));
      }
    }
  });

  it('pages through the results', async () => {
    const all = await search({ q: 'cambodia', locale: 'en', 'pagination[pageSize]': 100 });
    const second = await search({ q: 'cambodia', locale: 'en', 'pagination[page]': 2, 'pagination[pageSize]': 2 });
    expect(second.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: Math.ceil(all.data.length / 2), total: all.data.length });
    expect(second.data.map((hit) => hit.documentId)).toEqual(all.data.slice(2, 4).map((hit) => hit.documentId));
  });

  it('escapes the text around the marks (snippets are safe HTML)', async () => {
    const documentId = await createProject({ title: 'Zyxomatic <b>bold</b> & co', summary: 'x' }, true);
    const { data } = await search({ q: 'zyxomatic', locale: 'en' });
    expect(data.map((hit) => hit.documentId)).toEqual([documentId]);
    expect(data[0].snippet).toBe('<mark>Zyxomatic</mark> &lt;b&gt;bold&lt;/b&gt; &amp; co');
    expect(data[0].title).toBe('Zyxomatic <b>bold</b> & co');
  });
});

describe('GET /api/search with fallbackLocale', () => {
  it('serves a document without Khmer in English, and only then', async () => {
    const khmerOnly = await search({ q: 'post conflict housing', locale: 'km', 'pagination[pageSize]': 100 });
    expect(slugs(khmerOnly.data)).not.toContain(UNTRANSLATED);
    const withFallback = await search({ q: 'post conflict housing', locale: 'km', fallbackLocale: 'en', 'pagination[pageSize]': 100 });
    expect(withFallback.data.find((hit) => hit.slug === UNTRANSLATED)?.locale).toBe('en');
    // A document that has Khmer is served (and matched) in Khmer: the English words do not find it.
    const translated = await search({ q: 'slum upgrading', locale: 'km', fallbackLocale: 'en' });
    expect(slugs(translated.data)).not.toContain(PUPR);
  });
});

let counter = 0;
const createProject = async (fields: { title: string; summary: string }, publish: boolean): Promise<string> => {
  counter += 1;
  const document = await app.documents(PROJECT).create({
    data: { ...fields, slug: `search-test-${Date.now()}-${counter}`, projectStatus: 'ongoing' } as never,
    locale: 'en',
    ...(publish ? { status: 'published' } : {}),
  });
  created.push(document.documentId);
  return document.documentId;
};

describe('the index follows publication', () => {
  it('never returns drafts; returns an entry at once when published, and drops it when unpublished or deleted', async () => {
    const query = { q: 'quokkafloodplain', locale: 'en' };
    const documentId = await createProject({ title: 'Quokkafloodplain resilience', summary: 'A draft' }, false);
    // With the response cache on (the test default), asked twice so that a cached answer would show.
    expect((await search(query)).data).toEqual([]);
    expect((await search(query)).data).toEqual([]);

    await app.documents(PROJECT).publish({ documentId, locale: 'en' });
    expect((await search(query)).data.map((hit) => hit.documentId)).toEqual([documentId]);

    await app.documents(PROJECT).update({ documentId, locale: 'en', data: { title: 'Quokkafloodplain renamed draft' } as never });
    const published = await search(query);
    expect(published.data[0].title).toBe('Quokkafloodplain resilience');

    await app.documents(PROJECT).unpublish({ documentId, locale: 'en' });
    expect((await search(query)).data).toEqual([]);

    await app.documents(PROJECT).publish({ documentId, locale: 'en' });
    expect((await search(query)).data[0].title).toBe('Quokkafloodplain renamed draft');
    await app.documents(PROJECT).delete({ documentId, locale: '*' });
    expect((await search(query)).data).toEqual([]);
  });
});

describe('short and long Khmer query words', () => {
  it('finds one- and two-character words (also at the end of a word), and a longer word only where it is whole', async () => {
    // ពលកម្ម holds ពលក and ខលករ holds លករ: every trigram of ពលករ, but never the word itself.
    const documentId = await createProject({ title: 'Zebrafinch ពលកម្ម ខលករ', summary: 'Khmer words in an English title' }, true);
    const first = async (q: string) => (await search({ q, locale: 'en', types: 'projects' })).data[0]?.documentId;
    expect(await first('ខ')).toBe(documentId);
    expect(await first('ករ')).toBe(documentId);
    expect(await first('ពលក')).toBe(documentId);
    expect(await first('ខលករ')).toBe(documentId);
    const { data } = await search({ q: 'ពលករ', locale: 'en', types: 'projects', 'pagination[pageSize]': 100 });
    expect(data.map((hit) => hit.documentId)).not.toContain(documentId);
  });
});

describe('GET /api/search: bad input', () => {
  it.each([
    ['no q', {}, /q is required/],
    ['an empty q', { q: '' }, /q is required/],
    ['a blank q', { q: '   ' }, /q is required/],
    ['q longer than 200 characters', { q: 'ក'.repeat(201) }, /at most 200/],
    ['an unknown locale', { q: 'housing', locale: 'zz' }, /Unknown locale "zz"/],
    ['an unknown fallbackLocale', { q: 'housing', locale: 'km', fallbackLocale: 'zz' }, /Unknown fallbackLocale "zz"/],
    ['an unknown type', { q: 'housing', types: 'projects,recipes' }, /Unknown type "recipes"/],
    ['a page of 0', { q: 'housing', 'pagination[page]': 0 }, /pagination\[page\]/],
    ['a negative page size', { q: 'housing', 'pagination[pageSize]': -5 }, /pagination\[pageSize\]/],
    ['a non-numeric page', { q: 'housing', 'pagination[page]': 'two' }, /pagination\[page\]/],
    ['an unknown parameter', { q: 'housing', sort: 'title' }, /Unknown query parameter "sort"/],
  ])('answers 400 for %s', async (_name, query, message) => {
    expectJsonError(await http(app).get('/api/search').query(query), 400, message);
  });

  it('accepts exactly 200 characters', async () => {
    await search({ q: 'ក'.repeat(200), locale: 'km' });
  });
});
