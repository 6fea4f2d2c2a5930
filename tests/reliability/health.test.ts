import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await stopStrapi(app);
});

describe('health and readiness', () => {
  it('answers liveness on /_health with 204', async () => {
    expect((await http(app).get('/_health')).status).toBe(204);
  });

  it('answers readiness on /_ready with 200 JSON once the database answers, never cached', async () => {
    const res = await http(app).get('/_ready');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', cache: 'up' } });
  });
});
