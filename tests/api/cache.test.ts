import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

type Doc = { documentId: string; [key: string]: any };
const get = (url: string) => http(app).get(url);

/** Reads twice: the second read must be a hit that returns exactly the first answer. */
const readTwice = async (url: string) => {
  const first = await get(url);
  const second = await get(url);
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.text).toBe(first.text);
  return second;
};

describe('response cache', () => {
  it('answers a repeated anonymous read from the cache, whatever the order of the query parameters', async () => {
    const first = await get('/api/countries?locale=km&sort=menuOrder:asc&pagination[pageSize]=5');
    expect(first.status).toBe(200);
    expect(['MISS', 'HIT']).toContain(first.headers['x-cache']);
    const reordered = await get('/api/countries?pagination[pageSize]=5&sort=menuOrder:asc&locale=km');
    expect(reordered.headers['x-cache']).toBe('HIT');
    expect(reordered.text).toBe(first.text);
    expect(reordered.headers['etag']).toBe(first.headers['etag']);
  });

  it('gives ETag, Cache-Control and 304 Not Modified to public answers', async () => {
    const res = await get('/api/themes?locale=en');
    expect(res.headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    for (const cached of [false, true]) {
      const again = await get('/api/themes?locale=en').set('If-None-Match', res.headers['etag']);
      expect([cached, again.status, again.text]).toEqual([cached, 304, '']);
    }
    const listed = await get('/api/themes?locale=en').set('If-None-Match', `"other", W/${res.headers['etag']}`);
    expect(listed.status).toBe(304);
    const changed = await get('/api/themes?locale=en').set('If-None-Match', '"something-else"');
    expect(changed.status).toBe(200);
  });

  it('replays the security and CORS headers of the original answer, and decides CORS per origin', async () => {
    const origin = 'http://localhost:3000';
    const miss = await get('/api/speeches?locale=en').set('Origin', origin);
    const hit = await get('/api/speeches?locale=en').set('Origin', origin);
    expect(hit.headers['x-cache']).toBe('HIT');
    const replayed = ['x-content-type-options', 'x-frame-options', 'strict-transport-security', 'content-security-policy'];
    for (const header of [...replayed, 'access-control-allow-origin', 'vary', 'etag', 'cache-control']) {
      expect([header, hit.headers[header]]).toEqual([header, miss.headers[header]]);
    }
    for (const header of replayed) expect(hit.headers[header]).toBeTruthy();

    const otherOrigin = await get('/api/speeches?locale=en').set('Origin', 'http://example.org');
    const noOrigin = await get('/api/speeches?locale=en');
    expect(otherOrigin.headers['access-control-allow-origin']).not.toBe(origin);
    expect(noOrigin.headers['access-control-allow-origin']).not.toBe(origin);
    expect(noOrigin.text).toBe(hit.text);
  });

  it('never caches errors', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/api/projects?locale=zz');
      expectJsonError(res, 400);
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('never caches or shares an answer to a request with credentials', async () => {
    const token = await app.service('admin::api-token').create({ name: `cache-${Date.now()}`, type: 'read-only', lifespan: null, description: '' });
    const draft = await app.documents('api::theme.theme').create({ locale: 'en', data: { name: 'Secret theme', slug: 'secret-theme' } });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await get('/api/themes?status=draft&pagination[pageSize]=100').set('Authorization', `Bearer ${token.accessKey}`);
        expect(res.status).toBe(200);
        expect(res.headers['x-cache']).toBeUndefined();
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.body.data.map((t: Doc) => t.name)).toContain('Secret theme');
      }
      const anonymous = await get('/api/themes?pagination[pageSize]=100');
      expect(anonymous.body.data.map((t: Doc) => t.name)).not.toContain('Secret theme');
      expectJsonError(await get('/api/themes?status=draft&pagination[pageSize]=100'), 403);
    } finally {
      await app.documents('api::theme.theme').delete({ documentId: draft.documentId, locale: '*' });
      await app.service('admin::api-token').revoke(token.id);
    }
  });
});

describe('cache invalidation: the next request after a write sees it', () => {
  const themes = () => app.documents('api::theme.theme');
  const names = async (url: string) => (await get(url)).body.data.map((d: Doc) => d.name);

  it('after create + publish, update, unpublish and delete', async () => {
    const url = '/api/themes?locale=en&pagination[pageSize]=100&sort=name:asc';
    await readTwice(url);

    const created = await themes().create({ locale: 'en', data: { name: 'Zz cache theme', slug: 'zz-cache-theme' }, status: 'published' });
    try {
      expect(await names(url)).toContain('Zz cache theme');
      await readTwice(url);

      await themes().update({ documentId: created.documentId, locale: 'en', data: { name: 'Zz renamed theme' }, status: 'published' });
      expect(await names(url)).toContain('Zz renamed theme');
      await readTwice(url);

      await themes().unpublish({ documentId: created.documentId, locale: 'en' });
      expect(await names(url)).not.toContain('Zz renamed theme');
      await themes().publish({ documentId: created.documentId, locale: 'en' });
      expect(await names(url)).toContain('Zz renamed theme');
      await readTwice(url);
    } finally {
      await themes().delete({ documentId: created.documentId, locale: '*' });
    }
    expect(await names(url)).not.toContain('Zz renamed theme');
  });

  it('through a relation: renaming a country refreshes project lists that populate countries', async () => {
    const url = '/api/projects?locale=en&filters[slug][$eq]=phnom-penh-pupr-phase-2-slum-upgrading&populate[countries][fields][0]=name';
    const before = await readTwice(url);
    expect(before.body.data[0].countries[0].name).toBe('Cambodia');
    const countries = app.documents('api::country.country');
    const cambodia = (await countries.findFirst({ locale: 'en', filters: { isoCode: 'KH' }, status: 'published' }))!;
    await countries.update({ documentId: cambodia.documentId, locale: 'en', data: { name: 'Kingdom of Cambodia' }, status: 'published' });
    try {
      expect((await get(url)).body.data[0].countries[0].name).toBe('Kingdom of Cambodia');
    } finally {
      await countries.update({ documentId: cambodia.documentId, locale: 'en', data: { name: 'Cambodia' }, status: 'published' });
    }
    expect((await get(url)).body.data[0].countries[0].name).toBe('Cambodia');
  });

  it('after a change of media', async () => {
    const url = '/api/projects?locale=en&filters[slug][$eq]=phnom-penh-pupr-phase-2-slum-upgrading&populate[cover][fields][0]=alternativeText';
    const before = await readTwice(url);
    const cover = before.body.data[0].cover;
    const file = await app.db.query('plugin::upload.file').findOne({ where: { documentId: cover.documentId } });
    await app.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { alternativeText: 'Families along the railway' } });
    try {
      expect((await get(url)).body.data[0].cover.alternativeText).toBe('Families along the railway');
    } finally {
      await app.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { alternativeText: file.alternativeText } });
    }
  });

  it('after a change of public permissions', async () => {
    const url = '/api/speeches?locale=en';
    await readTwice(url);
    const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = app.db.query('plugin::users-permissions.permission');
    const action = 'api::speech.speech.find';
    await permissions.delete({ where: { action, role: role.id } });
    try {
      expectJsonError(await get(url), 403);
    } finally {
      await permissions.create({ data: { action, role: role.id } });
    }
    expect((await get(url)).status).toBe(200);
  });

  it('after a locale is added', async () => {
    expectJsonError(await get('/api/themes?locale=fr'), 400);
    const locales = app.plugin('i18n').service('locales');
    const french = await locales.create({ code: 'fr', name: 'French (fr)' });
    try {
      const res = await get('/api/themes?locale=fr');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    } finally {
      await locales.delete(french);
    }
    expectJsonError(await get('/api/themes?locale=fr'), 400);
  });
});
