import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { createSuperAdmin } from '../helpers/credentials';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

/**
 * The admin panel's preview link carries the site's PREVIEW_SECRET, which opens every draft on the
 * site. Strapi's route only asks for a signed-in administrator: the link is given only to a role
 * that may read the document's type in its locale.
 */
const PROJECT = 'api::project.project';
const SECRET = crypto.randomBytes(24).toString('hex');

let app: Core.Strapi;
let admin: { id: number; jwt: string };
let noRights: string;
const cleanup: Array<() => Promise<unknown>> = [];
let project: string;

beforeAll(async () => {
  app = await startStrapi({ SITE_URL: 'http://127.0.0.1:9', PREVIEW_SECRET: SECRET });
  // Kept: the test database may have no other super admin, and Strapi refuses to delete the last one.
  admin = await createSuperAdmin(app);
  const role = await app.service('admin::role').create({ name: `Preview no rights ${crypto.randomUUID().slice(0, 8)}`, description: 'test' });
  const email = `preview-${crypto.randomUUID()}@example.org`;
  const password = `Aa1-${crypto.randomBytes(12).toString('hex')}`;
  const user = await app.service('admin::user').create({ email, firstname: 'No', lastname: 'Rights', password, isActive: true, registrationToken: null, roles: [role.id] });
  cleanup.push(() => app.service('admin::role').deleteByIds([role.id]), () => app.service('admin::user').deleteById(user.id));
  noRights = (await http(app).post('/admin/login').send({ email, password })).body.data.token;
  const created = await app.documents(PROJECT).create({ locale: 'en', data: { title: 'Embargoed preview project', slug: 'embargoed-preview-project', projectStatus: 'planned' } } as never);
  project = created.documentId;
  cleanup.push(() => app.documents(PROJECT).delete({ documentId: project, locale: '*' } as never));
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await stopStrapi(app);
});

const previewUrl = (jwt: string) =>
  http(app).get(`/content-manager/preview/url/${PROJECT}`).query({ documentId: project, locale: 'en', status: 'draft' }).set({ Authorization: `Bearer ${jwt}` });

describe('GET /content-manager/preview/url/:uid', () => {
  it('gives a role that may read the type the link, with the secret', async () => {
    const res = await previewUrl(admin.jwt);
    expect(res.status).toBe(200);
    expect(res.body.data.url).toBe(`http://127.0.0.1:9/api/preview?secret=${SECRET}&type=project&locale=en&status=draft&slug=embargoed-preview-project`);
  });

  it('gives a role without content permissions no link: neither the secret nor the draft\'s slug', async () => {
    const res = await previewUrl(noRights);
    expect(res.status).toBe(204);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain('embargoed');
  });
});
