import type { Core } from '@strapi/strapi';
import { ROUTES, expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const PROJECT = 'api::project.project';

describe('anonymous visitors', () => {
  it.each(ROUTES)('cannot create, update or delete %s, and nothing changes', async (route) => {
    const before = await http(app).get(`/api/${route}`).query({ 'pagination[pageSize]': 1 });
    const { documentId } = before.body.data[0];
    const body = { data: { title: 'Defaced', name: 'Defaced', slug: 'defaced' } };

    expectJsonError(await http(app).post(`/api/${route}`).send(body), 403);
    expectJsonError(await http(app).put(`/api/${route}/${documentId}`).send(body), 403);
    expectJsonError(await http(app).delete(`/api/${route}/${documentId}`), 403);

    const after = await http(app).get(`/api/${route}`).query({ 'pagination[pageSize]': 1 });
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total);
    expect(after.body.data[0]).toEqual(before.body.data[0]);
  });

  it('cannot write the global single type', async () => {
    expectJsonError(await http(app).put('/api/global').send({ data: { siteName: 'Defaced' } }), 403);
    expectJsonError(await http(app).delete('/api/global'), 403);
  });

  it('cannot register an account', async () => {
    const res = await http(app)
      .post('/api/auth/local/register')
      .send({ username: 'visitor', email: 'visitor@example.org', password: 'Password123!' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await app.db.query('plugin::users-permissions.user').count()).toBe(0);
  });
});

describe('drafts', () => {
  let draftOnly: string;
  let edited: string;

  beforeAll(async () => {
    const documents = app.documents(PROJECT);
    draftOnly = (
      await documents.create({ locale: 'en', data: { title: 'Embargoed project', slug: 'embargoed-project', projectStatus: 'planned' } })
    ).documentId;
    const published = await documents.create({
      locale: 'en',
      data: { title: 'Published title', slug: 'published-with-unpublished-edit', projectStatus: 'ongoing' },
      status: 'published',
    });
    edited = published.documentId;
    await documents.update({ documentId: edited, locale: 'en', data: { title: 'Unpublished edit' } });
  });

  afterAll(async () => {
    for (const documentId of [draftOnly, edited]) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  });

  it('are refused to anonymous ?status=draft with a clear 403', async () => {
    for (const route of ['projects', `projects/${draftOnly}`, `projects/${edited}`]) {
      expectJsonError(await http(app).get(`/api/${route}`).query({ status: 'draft' }), 403, /API token/);
    }
  });

  it('never appear in anonymous lists, single reads or publishedAt filters', async () => {
    const listed = await http(app).get('/api/projects').query({ 'pagination[pageSize]': 100 });
    const ids = listed.body.data.map((p: { documentId: string }) => p.documentId);
    expect(ids).not.toContain(draftOnly);
    expect(listed.body.data.map((p: { title: string }) => p.title)).not.toContain('Unpublished edit');

    expectJsonError(await http(app).get(`/api/projects/${draftOnly}`), 404);
    const one = await http(app).get(`/api/projects/${edited}`);
    expect(one.body.data.title).toBe('Published title');

    const nullPublished = await http(app).get('/api/projects').query({ 'filters[publishedAt][$null]': 'true' });
    expect(nullPublished.status).toBeLessThan(500);
    expect(nullPublished.body.data ?? []).toEqual([]);
  });

  it('can be read with an API token, e.g. for a frontend preview', async () => {
    const token = await app.service('admin::api-token').create({
      name: `preview-${Date.now()}`,
      type: 'read-only',
      lifespan: null,
      description: 'test preview token',
    });
    try {
      const res = await http(app)
        .get(`/api/projects/${edited}`)
        .query({ status: 'draft' })
        .set('Authorization', `Bearer ${token.accessKey}`);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe('Unpublished edit');
    } finally {
      await app.service('admin::api-token').revoke(token.id);
    }
  });
});

describe('bad input gets a 4xx JSON error, never a 500', () => {
  it('answers an unknown locale with 400 and the list of locales', async () => {
    const res = await http(app).get('/api/projects').query({ locale: 'zz' });
    expectJsonError(res, 400, /Unknown locale "zz".*en, km/);
    expectJsonError(await http(app).get('/api/global').query({ locale: 'fr' }), 400, /Unknown locale/);
    expectJsonError(await http(app).get('/api/projects?locale[]=en&locale[]=km'), 400, /single locale/);
  });

  it.each([
    ['an unknown filter field', 'filters[nope][$eq]=1'],
    ['an unknown operator', 'filters[title][$nope]=1'],
    ['a private field in a filter', 'filters[createdBy][email][$startsWith]=a'],
    ['an unknown sort field', 'sort=nope:asc'],
    ['a malformed sort order', 'sort=title:sideways'],
    ['an unknown populate', 'populate[nope]=true'],
    ['an unknown field', 'fields[0]=nope'],
    ['an unknown parameter', 'foo=bar'],
    ['a non-numeric page', 'pagination[page]=abc'],
    ['a negative page size', 'pagination[pageSize]=-5'],
    ['a zero page', 'pagination[page]=0'],
    ['an invalid status', 'status=maybe'],
  ])('%s', async (_label, query) => {
    const res = await http(app).get(`/api/projects?${query}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectJsonError(res, res.status);
  });

  it('caps an oversized page size at 100', async () => {
    const res = await http(app).get('/api/countries').query({ 'pagination[pageSize]': 100000 });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });
});
