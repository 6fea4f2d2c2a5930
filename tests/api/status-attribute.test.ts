import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const CM = `/content-manager/collection-types/${PROJECT}`;
const PASSWORD = 'Status-Test-1234';

let app: Core.Strapi;
const users: number[] = [];
const created: string[] = [];

const signIn = async (roleCode: string): Promise<Record<string, string>> => {
  const role = await app.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `status-${roleCode}-${Date.now()}@example.org`;
  const user = await app.service('admin::user').create({
    email, firstname: 'Status', lastname: 'Test', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id],
  });
  users.push(user.id);
  const login = await http(app).post('/admin/login').send({ email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { Authorization: `Bearer ${login.body.data.token}` };
};

const stored = (documentId: string, locale: string, status: 'draft' | 'published' = 'draft') =>
  app.documents(PROJECT).findOne({ documentId, locale, status } as never) as Promise<{ status: string; title: string } | null>;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  for (const documentId of created) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  for (const id of users) await app.db.query('admin::user').delete({ where: { id } });
  await stopStrapi(app);
});

describe("a project's own status attribute in the admin panel", () => {
  let editor: Record<string, string>;
  let documentId: string;

  beforeAll(async () => {
    editor = await signIn('strapi-super-admin');
  });

  it('is saved when an editor (here a Super Admin) creates a project (Strapi alone answers 400 "Invalid status")', async () => {
    const res = await http(app).post(CM).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'planned' });
    expect(res.status).toBe(201);
    documentId = res.body.data.documentId;
    created.push(documentId);
    expect((await stored(documentId, 'en'))?.status).toBe('planned');
  });

  it('is saved when the editor publishes with a changed value', async () => {
    const res = await http(app).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'completed' });
    expect(res.status).toBe(200);
    expect((await stored(documentId, 'en', 'published'))?.status).toBe('completed');
    const api = await http(app).get('/api/projects').query({ locale: 'en', 'filters[slug][$eq]': 'status-attribute-test' });
    expect(api.body.data.map((p: { status: string }) => p.status)).toEqual(['completed']);
  });

  it('is not changed from a Khmer version, also by a translator (a shared field comes from English)', async () => {
    const translator = await signIn('translator-km');
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'km' }).set(translator)
      .send({ title: 'សាកល្បង​ស្ថានភាព', status: 'ongoing' });
    expect(res.status).toBe(200);
    expect((await stored(documentId, 'km'))?.title).toBe('សាកល្បង​ស្ថានភាព');
    expect((await stored(documentId, 'en'))?.status).toBe('completed');
    expect((await stored(documentId, 'km'))?.status).toBe('completed');
  });

  it('still rejects a nonsense value with a 400 and changes nothing', async () => {
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'finished-maybe' });
    expect(res.status).toBe(400);
    expect((await stored(documentId, 'en'))?.status).toBe('completed');
  });
});
