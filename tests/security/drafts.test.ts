import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createApiToken } from '../helpers/credentials';

const PROJECT = 'api::project.project';
const GALLERY = 'api::photo-gallery.photo-gallery';
let app: Core.Strapi;
let project: string;
let draftGallery: string;
let draftOnly: string;

beforeAll(async () => {
  app = await startStrapi();
  draftGallery = (await app.documents(GALLERY).create({ locale: 'en', data: { title: 'Embargoed gallery', slug: 'embargoed-gallery' } } as never)).documentId;
  draftOnly = (await app.documents(PROJECT).create({ locale: 'en', data: { title: 'Embargoed draft', slug: 'embargoed-draft', projectStatus: 'planned' } } as never)).documentId;
  project = (
    await app.documents(PROJECT).create({
      locale: 'en',
      data: { title: 'Public project', slug: 'public-project-with-draft-gallery', projectStatus: 'ongoing', galleries: [draftGallery] },
      status: 'published',
    } as never)
  ).documentId;
});
afterAll(async () => {
  for (const [uid, documentId] of [[PROJECT, project], [PROJECT, draftOnly], [GALLERY, draftGallery]] as const) {
    if (documentId) await app.documents(uid).delete({ documentId, locale: '*' });
  }
  await stopStrapi(app);
});

describe('no anonymous path reads a draft', () => {
  it.each([
    'status=draft',
    'status=DRAFT',
    'status[0]=draft',
    'status=foo',
    'publicationState=preview',
    'publicationFilter=never-published',
    'hasPublishedVersion=false',
    'filters[publishedAt][$null]=true',
    'filters[$or][0][publishedAt][$null]=true',
    'filters[slug][$eq]=embargoed-draft',
  ])('%s', async (query) => {
    for (const path of ['/api/projects', `/api/projects/${draftOnly}`]) {
      const res = await http(app).get(`${path}?${query}`);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expectJsonError(res, res.status);
      expect(res.text).not.toContain('Embargoed');
    }
  });

  it('findOne of a draft-only document, by documentId or numeric id, is 404', async () => {
    expectJsonError(await http(app).get(`/api/projects/${draftOnly}`), 404);
    const row = await app.db.query(PROJECT).findOne({ where: { documentId: draftOnly } });
    expectJsonError(await http(app).get(`/api/projects/${row.id}`), 404);
  });

  it('a published project does not populate its draft-only gallery', async () => {
    for (const query of ['populate=*', 'populate[galleries]=true', 'populate[galleries][filters][publishedAt][$null]=true']) {
      const res = await http(app).get(`/api/projects/${project}?${query}`);
      expect([query, res.status]).toEqual([query, expect.any(Number)]);
      expect(res.text).not.toContain('Embargoed gallery');
    }
    // The link exists: a preview token reading drafts sees it.
    const token = await createApiToken(app, 'read-only');
    try {
      const preview = await http(app).get(`/api/projects/${project}?status=draft&populate[galleries]=true`).set('Authorization', `Bearer ${token.accessKey}`);
      expect(preview.text).toContain('Embargoed gallery');
    } finally {
      await app.service('admin::api-token').revoke(token.id);
    }
  });

  it('a read-only "frontend preview" API token reads drafts; anonymous cannot', async () => {
    const token = await createApiToken(app, 'read-only');
    try {
      const res = await http(app).get(`/api/projects/${draftOnly}?status=draft`).set('Authorization', `Bearer ${token.accessKey}`);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe('Embargoed draft');
      expectJsonError(await http(app).get(`/api/projects/${draftOnly}?status=draft`), 403);
    } finally {
      await app.service('admin::api-token').revoke(token.id);
    }
  });
});
