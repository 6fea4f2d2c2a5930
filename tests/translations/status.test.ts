import path from 'path';
import type { Core } from '@strapi/strapi';
import { distDir } from '../helpers/environment';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const STATUS = 'plugin::translations.status';

let app: Core.Strapi;
let token: string;
let tokenId: number;
const created: string[] = [];

beforeAll(async () => {
  app = await startStrapi();
  const apiToken = await app.service('admin::api-token').create({ name: `status-test-${Date.now()}`, type: 'full-access', lifespan: null });
  token = apiToken.accessKey;
  tokenId = apiToken.id;
});
afterAll(async () => {
  for (const documentId of created) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  if (tokenId) await app.service('admin::api-token').revoke(tokenId);
  await stopStrapi(app);
});

const projects = () => app.documents(PROJECT);
const statusOf = async (documentId: string, locale = 'km') => {
  const row = await app.db.query(STATUS).findOne({ where: { contentType: PROJECT, entryDocumentId: documentId, targetLocale: locale } });
  return row ? { status: row.state, outdatedFields: row.outdatedFields } : null;
};
const api = (query: Record<string, unknown>) => http(app).get('/api/translation-status').set('Authorization', `Bearer ${token}`).query(query);

const createEnglish = async (slug: string) => {
  const doc = await projects().create({ locale: 'en', data: { title: `Status test ${slug}`, slug, projectStatus: 'ongoing', summary: 'A summary' }, status: 'published' } as never);
  created.push(doc.documentId);
  return doc.documentId as string;
};
describe('translation status, kept on write', () => {
  it('goes missing → up-to-date → (shared field) up-to-date → outdated (title) → up-to-date', async () => {
    const documentId = await createEnglish('status-test-lifecycle');
    expect(await statusOf(documentId)).toEqual({ status: 'missing', outdatedFields: [] });

    await projects().update({ documentId, locale: 'km', data: { title: 'គម្រោងសាកល្បង', slug: 'status-test-lifecycle' }, status: 'published' } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });

    // A shared field (status, startYear) is not translated: no effect.
    await projects().update({ documentId, locale: 'en', data: { projectStatus: 'completed', startYear: 2020 } } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });

    await projects().update({ documentId, locale: 'en', data: { title: 'Status test, new title', summary: 'Another summary' } } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'outdated', outdatedFields: ['summary', 'title'] });

    // Saving the Khmer version means the translator has seen the new source.
    await projects().update({ documentId, locale: 'km', data: { title: 'គម្រោងសាកល្បង ថ្មី' } } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });
  });

  it('is draft-only for a Khmer version that was never published', async () => {
    const documentId = await createEnglish('status-test-draft');
    await projects().update({ documentId, locale: 'km', data: { title: 'សេចក្តីព្រាង', slug: 'status-test-draft' } } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'draft-only', outdatedFields: [] });
    await projects().publish({ documentId, locale: 'km' });
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });
    await projects().unpublish({ documentId, locale: 'km' });
    expect(await statusOf(documentId)).toEqual({ status: 'draft-only', outdatedFields: [] });
    await projects().delete({ documentId, locale: 'km' });
    expect(await statusOf(documentId)).toEqual({ status: 'missing', outdatedFields: [] });
  });

  it('counts a change inside a translated component (key figures) and names the field', async () => {
    const documentId = await createEnglish('status-test-component');
    await projects().update({ documentId, locale: 'km', data: { title: 'តួលេខ', slug: 'status-test-component' }, status: 'published' } as never);
    await projects().update({ documentId, locale: 'en', data: { keyFigures: [{ value: 3, label: 'schools', qualifier: 'exact' }] } } as never);
    expect(await statusOf(documentId)).toEqual({ status: 'outdated', outdatedFields: ['keyFigures'] });
  });

  it('is cleared by "still correct" without editing the translation', async () => {
    const documentId = await createEnglish('status-test-confirm');
    await projects().update({ documentId, locale: 'km', data: { title: 'ត្រឹមត្រូវ', slug: 'status-test-confirm' }, status: 'published' } as never);
    await projects().update({ documentId, locale: 'en', data: { title: 'Status test, typo fixed' } } as never);
    expect((await statusOf(documentId))?.status).toBe('outdated');

    const res = await http(app)
      .post('/api/translation-status/still-correct')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { contentType: 'project', documentId, locale: 'km' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expect.objectContaining({ documentId, locale: 'km', status: 'up-to-date', outdatedFields: [] }));
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });
  });

  it('holds for REST writes too (PUT /api/projects/:id?locale=km with a token)', async () => {
    const documentId = await createEnglish('status-test-rest');
    const res = await http(app)
      .put(`/api/projects/${documentId}`)
      .query({ locale: 'km' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'តាម REST', slug: 'status-test-rest' } });
    expect(res.status).toBe(200);
    expect(await statusOf(documentId)).toEqual({ status: 'up-to-date', outdatedFields: [] });
  });

  it('is removed with the document', async () => {
    const documentId = await createEnglish('status-test-delete');
    expect(await statusOf(documentId)).not.toBeNull();
    await projects().delete({ documentId, locale: '*' });
    expect(await statusOf(documentId)).toBeNull();
  });
});

describe('GET /api/translation-status', () => {
  it('lists the demo content: 2 projects and 1 publication missing in Khmer, with counts per type and status', async () => {
    const res = await api({ locale: 'km', type: 'project', status: 'missing' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((row: { title: string }) => row.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Shelter/), expect.stringMatching(/Post-conflict Housing/)])
    );
    for (const row of res.body.data) {
      expect(row).toEqual({
        contentType: PROJECT,
        documentId: expect.any(String),
        title: expect.any(String),
        locale: 'km',
        status: 'missing',
        outdatedFields: [],
        pendingLinks: [],
        translatedAt: null,
      });
    }
    const all = await api({ locale: 'km' });
    expect(all.body.meta.summary['api::publication.publication']).toEqual(expect.objectContaining({ missing: 1 }));
    expect(all.body.meta.summary['api::country.country']).toEqual({ missing: 0, 'draft-only': 0, outdated: 0, 'up-to-date': 29, total: 29 });
    expect(all.body.meta.pagination).toEqual(expect.objectContaining({ page: 1, pageSize: 25 }));
    const total = Object.values(all.body.meta.summary as Record<string, { total: number }>).reduce((sum, counts) => sum + counts.total, 0);
    expect(all.body.meta.pagination.total).toBe(total);
  });

  it('pages through every row once', async () => {
    const first = await api({ locale: 'km', 'pagination[pageSize]': 7 });
    const seen = new Set<string>();
    for (let page = 1; page <= first.body.meta.pagination.pageCount; page += 1) {
      const res = await api({ locale: 'km', 'pagination[pageSize]': 7, 'pagination[page]': page });
      for (const row of res.body.data) seen.add(`${row.contentType}/${row.documentId}`);
    }
    expect(seen.size).toBe(first.body.meta.pagination.total);
  });

  it('"still correct" needs the confirm permission: a read-only token is refused and changes nothing', async () => {
    const documentId = await createEnglish('status-test-read-only-token');
    await projects().update({ documentId, locale: 'km', data: { title: 'មិនទាន់', slug: 'status-test-read-only-token' }, status: 'published' } as never);
    await projects().update({ documentId, locale: 'en', data: { title: 'Status test, read-only token' } } as never);
    const readOnly = await app.service('admin::api-token').create({ name: `status-read-only-${Date.now()}`, type: 'read-only', lifespan: null });
    try {
      const res = await http(app)
        .post('/api/translation-status/still-correct')
        .set('Authorization', `Bearer ${readOnly.accessKey}`)
        .send({ data: { contentType: 'project', documentId, locale: 'km' } });
      expect(res.status).toBe(403);
      expect(await statusOf(documentId)).toEqual({ status: 'outdated', outdatedFields: ['title'] });
    } finally {
      await app.service('admin::api-token').revoke(readOnly.id);
    }
  });

  it('needs an API token: anonymous callers get 403', async () => {
    const res = await http(app).get('/api/translation-status');
    expect([401, 403]).toContain(res.status);
    const post = await http(app).post('/api/translation-status/still-correct').send({ data: {} });
    expect([401, 403]).toContain(post.status);
  });

  it.each([
    [{ type: 'nope' }, /Unknown type "nope"/],
    [{ status: 'stale' }, /status must be one of missing, draft-only, outdated, up-to-date/],
    [{ locale: 'en' }, /Translation locales: km/],
    [{ locale: 'zz' }, /Unknown locale "zz"/],
    [{ 'pagination[page]': '0' }, /pagination\[page\]/],
    [{ sort: 'title' }, /Unknown parameter "sort"/],
  ])('answers 400 for %j', async (query, message) => {
    expectJsonError(await api(query), 400, message);
  });
});

describe('backfill', () => {
  it('records the status of content that has none (content from before the plugin), once', async () => {
    const { backfillStatus } = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'status'));
    const where = { contentType: 'api::theme.theme' };
    const before = await app.db.query(STATUS).findMany({ where, orderBy: { entryDocumentId: 'asc' } });
    expect(before.length).toBeGreaterThan(0);
    await app.db.query(STATUS).deleteMany({ where });
    expect(await backfillStatus(app)).toBe(before.length);
    const after = await app.db.query(STATUS).findMany({ where, orderBy: { entryDocumentId: 'asc' } });
    expect(after.map((row: any) => [row.entryDocumentId, row.state])).toEqual(before.map((row: any) => [row.entryDocumentId, row.state]));
    expect(await backfillStatus(app)).toBe(0);
  });
});
