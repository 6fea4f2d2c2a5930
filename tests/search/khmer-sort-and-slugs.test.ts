import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

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

const list = async (path: string, query: Record<string, unknown>) => {
  const res = await http(app).get(path).query(query);
  expect(res.status).toBe(200);
  return res.body as { data: Array<Record<string, any>>; meta: { pagination: { total: number } } };
};

describe('Khmer sort order (sort=name:asc / title:asc with locale=km)', () => {
  const collator = new Intl.Collator('km');

  it('orders the demo country names as Intl.Collator("km") does, not by code point', async () => {
    const { data } = await list('/api/countries', { locale: 'km', sort: 'name:asc', 'pagination[pageSize]': 100 });
    const names = data.map((country) => country.name as string);
    expect(names.length).toBeGreaterThanOrEqual(29);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names).not.toEqual([...names].sort());
  });

  it('pages through the Khmer order and sorts descending', async () => {
    const all = (await list('/api/countries', { locale: 'km', sort: 'name:asc', 'pagination[pageSize]': 100 })).data.map((c) => c.name);
    const second = await list('/api/countries', { locale: 'km', sort: 'name:asc', 'pagination[page]': 2, 'pagination[pageSize]': 10 });
    expect(second.data.map((c) => c.name)).toEqual(all.slice(10, 20));
    expect(second.meta.pagination.total).toBe(all.length);
    const desc = (await list('/api/countries', { locale: 'km', sort: 'name:desc', 'pagination[pageSize]': 100 })).data.map((c) => c.name);
    expect(desc).toEqual([...all].reverse());
  });

  it('orders Khmer project titles, with a filter', async () => {
    const { data } = await list('/api/projects', { locale: 'km', sort: 'title:asc', 'filters[projectStatus][$eq]': 'completed', 'pagination[pageSize]': 100 });
    const titles = data.map((project) => project.title as string);
    expect(titles.length).toBeGreaterThan(1);
    expect(data.every((project) => project.projectStatus === 'completed')).toBe(true);
    expect(titles).toEqual([...titles].sort(collator.compare));
  });
});

describe('slugs', () => {
  it('gives a document created with only a Khmer title a valid ASCII slug, shared by its locales and unique', async () => {
    const title = 'គម្រោងសាកល្បងស្លាក';
    const first = await app.documents(PROJECT).create({ data: { title, projectStatus: 'ongoing' } as never, locale: 'km', status: 'published' });
    const second = await app.documents(PROJECT).create({ data: { title, projectStatus: 'ongoing' } as never, locale: 'km', status: 'published' });
    created.push(first.documentId, second.documentId);
    expect(first.slug).toMatch(/^project-[0-9a-f]{8}$/);
    expect(second.slug).toBe(`${first.slug}-2`);

    await app.documents(PROJECT).update({ documentId: first.documentId, locale: 'en', data: { title: 'Slug pilot project' } as never, status: 'published' });
    const english = await list('/api/projects', { locale: 'en', 'filters[slug][$eq]': first.slug });
    expect(english.data.map((p) => [p.documentId, p.title])).toEqual([[first.documentId, 'Slug pilot project']]);
    const khmer = await list('/api/projects', { locale: 'km', 'filters[slug][$eq]': first.slug });
    expect(khmer.data.map((p) => p.title)).toEqual([title]);
  });

  it('makes an ASCII slug of a Latin title, accents and symbols dropped', async () => {
    const document = await app.documents(PROJECT).create({ data: { title: 'Réhabilitation & Housing – Phase III', projectStatus: 'ongoing' } as never, locale: 'en' });
    created.push(document.documentId);
    expect(document.slug).toBe('rehabilitation-housing-phase-iii');
  });

  it("replaces the admin panel's placeholder slug (the type's name, filled while the title was empty) with one from the title, in every locale", async () => {
    const document = await app.documents(PROJECT).create({ data: { title: 'Riverside Homes in Pursat', slug: 'project', projectStatus: 'ongoing' } as never, locale: 'en' });
    created.push(document.documentId);
    expect(document.slug).toBe('riverside-homes-in-pursat');
    const khmer = await app.documents(PROJECT).update({ documentId: document.documentId, locale: 'km', data: { title: 'ផ្ទះ​មាត់ទន្លេ', slug: 'project-1' } as never });
    expect(khmer?.slug).toBe('riverside-homes-in-pursat');
    // A slug someone chose is kept.
    const chosen = await app.documents(PROJECT).create({ data: { title: 'Projection mapping pilot', slug: 'projects-pilot', projectStatus: 'ongoing' } as never, locale: 'en' });
    created.push(chosen.documentId);
    expect(chosen.slug).toBe('projects-pilot');
  });
});

describe('changed slugs', () => {
  it('keeps answering the old slug with the document, which shows its new slug', async () => {
    const document = await app.documents(PROJECT).create({ data: { title: 'Slug history pilot', projectStatus: 'ongoing' } as never, locale: 'en', status: 'published' });
    created.push(document.documentId);
    expect(document.slug).toBe('slug-history-pilot');
    await app.documents(PROJECT).update({ documentId: document.documentId, locale: 'en', data: { slug: 'slug-history-pilot-renamed' } as never, status: 'published' });

    for (const slug of ['slug-history-pilot', 'slug-history-pilot-renamed']) {
      const { data, meta } = await list('/api/projects', { locale: 'en', 'filters[slug][$eq]': slug });
      expect(data.map((p) => [p.documentId, p.slug])).toEqual([[document.documentId, 'slug-history-pilot-renamed']]);
      expect(meta.pagination.total).toBe(1);
    }
    expect((await list('/api/projects', { locale: 'en', 'filters[slug][$eq]': 'slug-history-never' })).data).toEqual([]);
  });
});
