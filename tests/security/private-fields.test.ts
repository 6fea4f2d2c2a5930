import type { Core } from '@strapi/strapi';
import { ROUTES, expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createSuperAdmin } from '../helpers/credentials';

/**
 * Private and admin fields must not be readable, nor guessable one character at a time through a
 * filter or sort that answers differently for a right and a wrong guess (CVE-2023-22894,
 * CVE-2026-27886, CVE-2024-56143, CVE-2023-34235, CVE-2023-34093).
 */
let app: Core.Strapi;
let admin: Awaited<ReturnType<typeof createSuperAdmin>>;
let editedDocumentId: string;

beforeAll(async () => {
  app = await startStrapi();
  admin = await createSuperAdmin(app);
  // A project whose createdBy/updatedBy is a real admin (with an email, a password hash and a
  // reset token), so that a working oracle would have something to find.
  await app.db.query('admin::user').update({ where: { id: admin.id }, data: { resetPasswordToken: 'abcdef0123456789' } });
  const project = await app
    .documents('api::project.project')
    .create({ locale: 'en', data: { title: 'Oracle target', slug: 'oracle-target', projectStatus: 'ongoing' }, status: 'published' } as never);
  editedDocumentId = project.documentId;
  await app.db
    .query('api::project.project')
    .updateMany({ where: { documentId: editedDocumentId }, data: { createdBy: admin.id, updatedBy: admin.id } });
});

afterAll(async () => {
  if (editedDocumentId) await app.documents('api::project.project').delete({ documentId: editedDocumentId, locale: '*' });
  if (admin) await app.db.query('admin::user').delete({ where: { id: admin.id } });
  await stopStrapi(app);
});

const get = (path: string) => http(app).get(path);

/** The answer to a "true" guess and a "false" guess must be indistinguishable: both refused the same way. */
const expectNoOracle = async (route: string, truthy: string, falsy: string) => {
  const [yes, no] = await Promise.all([get(`/api/${route}?${truthy}`), get(`/api/${route}?${falsy}`)]);
  expect(yes.status).toBeGreaterThanOrEqual(400);
  expect(yes.status).toBeLessThan(500);
  expectJsonError(yes, yes.status);
  expect([no.status, no.body]).toEqual([yes.status, yes.body]);
};

describe('private fields through query parameters', () => {
  it('the fixture is real: its creator is an admin with a known email and reset token', async () => {
    const row = await app.db.query('api::project.project').findOne({ where: { documentId: editedDocumentId }, populate: ['createdBy'] });
    expect(row.createdBy.email).toBe(admin.email);
  });

  const probes = (field: string, truthy: string, falsy: string) =>
    [
      [`filters[${field}][$startsWith]=${truthy}`, `filters[${field}][$startsWith]=${falsy}`],
      [`filters[$and][0][${field}][$startsWith]=${truthy}`, `filters[$and][0][${field}][$startsWith]=${falsy}`],
      [`filters[$or][0][${field}][$startsWith]=${truthy}`, `filters[$or][0][${field}][$startsWith]=${falsy}`],
      [`filters[$not][${field}][$startsWith]=${truthy}`, `filters[$not][${field}][$startsWith]=${falsy}`],
      [`where[${field}][$startsWith]=${truthy}`, `where[${field}][$startsWith]=${falsy}`],
      [`lookup[${field}][$startsWith]=${truthy}`, `lookup[${field}][$startsWith]=${falsy}`],
    ].map(([a, b]) => [a.replace(/\[([a-zA-Z_]+)\.([a-zA-Z_]+)\]/, '[$1][$2]'), b.replace(/\[([a-zA-Z_]+)\.([a-zA-Z_]+)\]/, '[$1][$2]')]);

  const FIELDS: Array<[string, () => string, string]> = [
    ['createdBy.email', () => admin.email.slice(0, 6), 'zzzzzz'],
    ['updatedBy.email', () => admin.email.slice(0, 6), 'zzzzzz'],
    ['createdBy.password', () => '$2', '$3'],
    ['updatedBy.resetPasswordToken', () => 'abc', 'zzz'],
    ['createdBy.registrationToken', () => 'a', 'z'],
    ['t0.password', () => '$2', '$3'],
    ['t1.reset_password_token', () => 'abc', 'zzz'],
  ];

  it.each(FIELDS)('%s in filters, where, lookup, $and/$or/$not: refused alike for right and wrong guesses', async (field, truthy, falsy) => {
    for (const [yes, no] of probes(field, truthy(), falsy)) await expectNoOracle('projects', yes, no);
  });

  it.each(ROUTES)('%s: createdBy/updatedBy in filters, sort, fields and populate are 400', async (route) => {
    for (const query of [
      `filters[createdBy][email][$startsWith]=${admin.email.slice(0, 3)}`,
      'filters[updatedBy][id][$gt]=0',
      'sort=createdBy.email:asc',
      'sort[0]=updatedBy.resetPasswordToken',
      'fields[0]=createdBy',
      'populate[createdBy]=true',
      'populate[updatedBy][fields][0]=email',
      'populate[localizations][populate][createdBy]=true',
    ]) {
      const res = await get(`/api/${route}?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expectJsonError(res, 400);
    }
  });

  it('nested populate filters on private fields are refused alike for right and wrong guesses', async () => {
    await expectNoOracle(
      'projects',
      `populate[countries][filters][createdBy][email][$startsWith]=${admin.email.slice(0, 4)}`,
      'populate[countries][filters][createdBy][email][$startsWith]=zzzz'
    );
    await expectNoOracle(
      'projects',
      'populate[countries][populate][projects][filters][updatedBy][password][$startsWith]=$2',
      'populate[countries][populate][projects][filters][updatedBy][password][$startsWith]=$3'
    );
  });

  it('populate=* on every type shows no admin, user or private field', async () => {
    const FORBIDDEN = ['createdBy', 'updatedBy', 'password', 'resetPasswordToken', 'registrationToken', 'users', 'roles'];
    const seen = new Set<string>();
    const bodies: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          seen.add(key);
          walk(inner);
        }
      }
    };
    for (const route of [...ROUTES, 'global']) {
      const res = await get(`/api/${route}?populate=*`);
      expect([route, res.status]).toEqual([route, 200]);
      walk(res.body.data);
      bodies.push(res.text);
    }
    expect(seen.has('documentId')).toBe(true);
    for (const key of FORBIDDEN) expect([key, seen.has(key)]).toEqual([key, false]);
    expect(bodies.join('\n')).not.toContain(admin.email);
  });

  it('anonymous callers cannot list users, roles or admin data', async () => {
    for (const path of ['/api/users', '/api/users/me', '/api/users-permissions/roles', '/admin/users', '/api/upload/files']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, expect.any(Number)]);
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toContain(admin.email);
    }
  });
});

describe('query shape', () => {
  it.each([
    "' OR 1=1 --",
    '"; DROP TABLE projects; --',
    "x') UNION SELECT password FROM admin_users --",
    '%',
    '\\',
  ])('an SQL-looking value %j is a plain string: no error, no rows it does not match', async (value) => {
    const total = async () => (await get('/api/projects?pagination[pageSize]=1')).body.meta.pagination.total;
    const before = await total();
    const res = await http(app).get('/api/projects').query({ 'filters[title][$eq]': value });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const sorted = await http(app).get('/api/projects').query({ sort: value });
    expect(sorted.status).toBe(400);
    expectJsonError(sorted, 400);
    expect(await total()).toBe(before);
  });

  it('caps the page size at 100, also through limit/start', async () => {
    const res = await get('/api/projects?pagination[pageSize]=100000');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
    const limited = await get('/api/projects?pagination[limit]=100000');
    expect(limited.status).toBe(200);
    expect(limited.body.meta.pagination.limit).toBe(100);
  });

  it('refuses populate nested deeper than 4 levels, quickly', async () => {
    const deep = 'populate[countries][populate][projects][populate][countries][populate][projects][populate][countries]=true';
    const started = Date.now();
    expectJsonError(await get(`/api/projects?${deep}`), 400);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
