import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createApiToken, createSuperAdmin } from '../helpers/credentials';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

describe('headers', () => {
  it('do not advertise the product and carry the security headers', async () => {
    const res = await http(app).get('/api/projects');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
  });
});

describe('CORS', () => {
  it.each(['https://evil.example', 'null', 'http://localhost:3000.evil.example'])('a foreign origin %s is not reflected, on a miss or a cache hit', async (origin) => {
    for (let i = 0; i < 2; i++) {
      const res = await http(app).get('/api/themes?locale=en').set('Origin', origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const preflight = await http(app).options('/api/themes').set('Origin', origin).set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('an allowed origin gets its own origin back', async () => {
    const res = await http(app).get('/api/themes?locale=en').set('Origin', 'http://localhost:3000');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
  });
});

describe('hostile query strings', () => {
  it.each([
    'a[__proto__]=b&a[__proto__]&a[length]=100000000',
    '__proto__[polluted]=yes',
    'constructor[prototype][polluted]=yes',
    'filters[title][__proto__][$eq]=x',
    'populate[constructor][prototype]=x',
    '%5F%5Fproto%5F%5F[polluted]=yes',
  ])('%s: 400 JSON in under a second, nothing polluted, process healthy', async (query) => {
    const started = Date.now();
    const res = await http(app).get(`/api/projects?${query}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expectJsonError(res, 400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await http(app).get('/_health')).status).toBe(204);
    expect((await http(app).get('/api/projects?pagination[pageSize]=1')).status).toBe(200);
  });

  it('an oversized query string is 414 JSON in under a second', async () => {
    const started = Date.now();
    const res = await http(app).get(`/api/projects?filters[title][$eq]=${'a'.repeat(9000)}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expectJsonError(res, 414, /longer than 8192/);
    expect((await http(app).get('/api/projects?pagination[pageSize]=1')).status).toBe(200);
  });

  it('a query string that is not valid url-encoding is 400 JSON', async () => {
    expectJsonError(await http(app).get('/api/projects?%E0%A4%A=1'), 400);
  });
});

describe('write routes and admin-only features', () => {
  it('anonymous uploads and user writes are refused', async () => {
    const upload = await http(app).post('/api/upload').attach('files', Buffer.from('GIF89a'), 'x.gif');
    expect([401, 403]).toContain(upload.status);
    expectJsonError(upload, upload.status);
    for (const [method, path] of [
      ['post', '/api/users'],
      ['put', '/api/users/1'],
      ['delete', '/api/users/1'],
      ['post', '/api/users-permissions/roles'],
    ] as const) {
      const res = await http(app)[method](path).send({ username: 'x', email: 'x@example.org', password: 'Password1!' });
      expect([path, [401, 403].includes(res.status)]).toEqual([path, true]);
    }
    expect(await app.db.query('plugin::users-permissions.user').count()).toBe(0);
    expect(await app.db.query('plugin::upload.file').count({ where: { name: 'x.gif' } })).toBe(0);
  });

  it('a read-only API token cannot write', async () => {
    const token = await createApiToken(app, 'read-only');
    try {
      const res = await http(app).post('/api/projects').set('Authorization', `Bearer ${token.accessKey}`).send({ data: { title: 'x', slug: 'read-only-write' } });
      expectJsonError(res, 403);
    } finally {
      await app.service('admin::api-token').revoke(token.id);
    }
  });

  it('the Content-Type Builder cannot change the schema outside development, even for a super admin', async () => {
    const admin = await createSuperAdmin(app);
    try {
      const res = await http(app)
        .post('/content-type-builder/update-schema')
        .set('Authorization', `Bearer ${admin.jwt}`)
        .send({ data: { contentTypes: [], components: [] } });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/disabled in production/);
    } finally {
      await app.db.query('admin::user').delete({ where: { id: admin.id } });
    }
  });

  it('users-permissions JWTs signed with another algorithm or none are refused', async () => {
    const secret = app.config.get<string>('plugin::users-permissions.jwtSecret');
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const crypto = await import('crypto');
    const payload = b64({ id: 1, iat: Math.floor(Date.now() / 1000) });
    const hs512 = `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}`;
    const signed = `${hs512}.${crypto.createHmac('sha512', secret).update(hs512).digest('base64url')}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    for (const token of [signed, none]) {
      const res = await http(app).get('/api/users/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
    expect(app.config.get('plugin::users-permissions.jwt.algorithm')).toBe('HS256');
  });
});
