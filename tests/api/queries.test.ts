import type { Core } from '@strapi/strapi';
import { ROUTES, expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

/** SQL statements the database ran while answering one request (a cache miss). */
const statementsFor = async (url: string): Promise<number> => {
  let count = 0;
  const onQuery = () => {
    count += 1;
  };
  app.db.connection.on('query', onQuery);
  try {
    const res = await http(app).get(url);
    expect([url, res.status, res.headers['x-cache']]).toEqual([url, 200, 'MISS']);
    return count;
  } finally {
    app.db.connection.off('query', onQuery);
  }
};

describe('list routes with their default populate', () => {
  it.each(ROUTES)('%s run as many SQL statements for all their entries as for one (no N+1)', async (route) => {
    const total = (await http(app).get(`/api/${route}?locale=en`)).body.meta.pagination.total;
    const small = await statementsFor(`/api/${route}?locale=en&pagination[pageSize]=1`);
    const large = await statementsFor(`/api/${route}?locale=en&pagination[pageSize]=100`);
    expect(total).toBeGreaterThan(1);
    expect(large).toBe(small);
  });

  it('populate what a list needs when the request names no populate of its own', async () => {
    const res = await http(app).get('/api/projects?locale=km&pagination[pageSize]=1&filters[slug][$eq]=phnom-penh-pupr-phase-2-slum-upgrading');
    const [project] = res.body.data;
    expect(project.countries.map((c: { name: string }) => c.name)).toEqual(['កម្ពុជា']);
    expect(project.cover.url).toMatch(/^\/uploads\//);
    expect(Object.keys(project.countries[0]).sort()).toEqual(['documentId', 'id', 'name', 'slug']);

    const own = await http(app).get('/api/projects?locale=km&pagination[pageSize]=1&populate[themes][fields][0]=name');
    expect(own.body.data[0].countries).toBeUndefined();
    expect(own.body.data[0].themes).toBeDefined();
  });

  it('honour pagination[withCount]', async () => {
    const res = await http(app).get('/api/countries?pagination[withCount]=false&pagination[pageSize]=5');
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 5 });
  });

  it('refuse a populate tree deeper than 4 levels', async () => {
    const ok = '/api/projects?populate[publications][populate][files][populate][file][fields][0]=url';
    expect((await http(app).get(ok)).status).toBe(200);
    const deep = '/api/projects?populate[countries][populate][projects][populate][countries][populate][projects][populate]=*';
    expectJsonError(await http(app).get(deep), 400, /at most 4/);
  });
});

describe('database indexes', () => {
  it.each([
    ['projects', ['projects_list_idx', 'projects_slug_idx']],
    ['countries', ['countries_list_idx', 'countries_slug_idx', 'countries_menu_idx']],
    ['vacancies', ['vacancies_closes_idx']],
    ['publications', ['publications_year_idx']],
  ])('exist on %s', async (table, names) => {
    const indexes = await app.db.dialect.schemaInspector.getIndexes(table);
    expect(indexes.map((index: { name: string }) => index.name)).toEqual(expect.arrayContaining(names));
  });
});
