import type { Core } from '@strapi/strapi';
import { signInWithRole } from '../helpers/credentials';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

/*
 * A project's own status is the attribute `projectStatus` (planned, ongoing, completed), shared by
 * every locale; `status` stays what Strapi means by it: draft or published, in the admin panel's
 * content-manager API (what the edit view sends and reads) and in REST (`?status=draft`).
 */

const PROJECT = 'api::project.project';
const CM = `/content-manager/collection-types/${PROJECT}`;
const SLUG = 'project-status-test';

let app: Core.Strapi;
let editor: Record<string, string>;
let translator: Record<string, string>;
let documentId: string;
const users: number[] = [];

const stored = async (locale: string, status: 'draft' | 'published' = 'draft') =>
  ((await app.documents(PROJECT).findOne({ documentId, locale, status } as never)) as { projectStatus: string | null; title: string } | null);

beforeAll(async () => {
  app = await startStrapi();
  const signedIn = await Promise.all([signInWithRole(app, 'strapi-super-admin'), signInWithRole(app, 'translator-km')]);
  users.push(...signedIn.map((user) => user.id));
  [editor, translator] = signedIn.map((user) => user.headers);
});

afterAll(async () => {
  try {
    if (documentId) await app.documents(PROJECT).delete({ documentId, locale: '*' });
    await app.db.query('admin::user').deleteMany({ where: { id: { $in: users } } });
  } finally {
    await stopStrapi(app);
  }
});

describe('projectStatus in the admin panel (the content-manager API the edit view uses)', () => {
  it('is in the schema the forms are built from, apart from the draft/published status', async () => {
    const init = await http(app).get('/content-manager/init').set(editor);
    const schema = init.body.data.contentTypes.find((type: { uid: string }) => type.uid === PROJECT);
    expect(schema.attributes.projectStatus).toMatchObject({ type: 'enumeration', enum: ['planned', 'ongoing', 'completed'], required: true });
    expect(schema.attributes).not.toHaveProperty('status');
  });

  it('is saved when an editor creates a project; the answer still says draft under status', async () => {
    const res = await http(app).post(CM).query({ locale: 'en' }).set(editor).send({ title: 'Project status test', slug: SLUG, projectStatus: 'planned' });
    expect(res.status).toBe(201);
    documentId = res.body.data.documentId;
    expect(res.body.data).toMatchObject({ projectStatus: 'planned', status: 'draft' });
    expect((await stored('en'))?.projectStatus).toBe('planned');
  });

  it('is saved when the editor publishes with a changed value, and REST serves it', async () => {
    const res = await http(app).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Project status test', slug: SLUG, projectStatus: 'completed' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ projectStatus: 'completed', status: 'published' });
    const api = await http(app).get('/api/projects').query({ locale: 'en', 'filters[slug][$eq]': SLUG });
    expect(api.body.data).toEqual([expect.objectContaining({ projectStatus: 'completed' })]);
    expect(api.body.data[0]).not.toHaveProperty('status');
  });

  it('rejects a value that is not one of the three with a 400 and changes nothing', async () => {
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Project status test', slug: SLUG, projectStatus: 'finished-maybe' });
    expectJsonError(res, 400);
    expect((await stored('en'))?.projectStatus).toBe('completed');
  });

  it('is readable but not changeable by a translator (a field shared by every locale)', async () => {
    const permissions = await http(app).get('/admin/users/me/permissions').set(translator);
    const fields = (action: string) =>
      permissions.body.data.find((p: { action: string; subject: string }) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === PROJECT)
        .properties.fields;
    expect(fields('read')).toContain('projectStatus');
    expect(fields('update')).not.toContain('projectStatus');

    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'km' }).set(translator).send({ title: 'សាកល្បង​ស្ថានភាព', projectStatus: 'ongoing' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: 'សាកល្បង​ស្ថានភាព', projectStatus: 'completed' });
    expect((await stored('en'))?.projectStatus).toBe('completed');
  });

  it('changed by an editor from the Khmer version, changes in English too', async () => {
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'km' }).set(editor).send({ title: 'សាកល្បង​ស្ថានភាព', projectStatus: 'ongoing' });
    expect(res.status).toBe(200);
    expect([(await stored('en'))?.projectStatus, (await stored('km'))?.projectStatus]).toEqual(['ongoing', 'ongoing']);
  });

  it('filters and sorts the list view', async () => {
    const res = await http(app).get(CM).set(editor)
      .query({ locale: 'en', 'filters[$and][0][projectStatus][$eq]': 'ongoing', 'filters[$and][1][slug][$eq]': SLUG, sort: 'projectStatus:ASC' });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ slug: SLUG, projectStatus: 'ongoing', status: 'modified' })]);
  });
});

describe('projectStatus over REST', () => {
  it('filters and sorts; `status` keeps its Strapi meaning (draft/published), not a filter on projects', async () => {
    const completed = await http(app).get('/api/projects').query({ locale: 'en', 'filters[projectStatus][$eq]': 'completed', 'pagination[pageSize]': 100 });
    expect(completed.status).toBe(200);
    expect(completed.body.data.length).toBeGreaterThan(0);
    expect(completed.body.data.every((project: { projectStatus: string }) => project.projectStatus === 'completed')).toBe(true);

    const sorted = await http(app).get('/api/projects').query({ locale: 'en', sort: 'projectStatus:asc', 'pagination[pageSize]': 100 });
    const values = sorted.body.data.map((project: { projectStatus: string }) => project.projectStatus);
    expect(values).toEqual([...values].sort());

    expectJsonError(await http(app).get('/api/projects').query({ locale: 'en', 'filters[status][$eq]': 'completed' }), 400);
    expectJsonError(await http(app).get('/api/projects').query({ locale: 'en', status: 'draft' }), 403);
  });
});
