import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

// PostgreSQL only (`npm run test:postgres`): the application reaches the test database through a
// TCP proxy that the test cuts and restores, as a database restart or a network outage would.
let app: Core.Strapi;
let proxy: TcpProxy;
const savedUrl = process.env.DATABASE_URL!;

beforeAll(async () => {
  const url = new URL(savedUrl);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  process.env.DATABASE_URL = url.toString();
  // Every read must reach the database: a cached answer would hide the outage.
  process.env.CACHE_ENABLED = 'false';
  app = await startStrapi();
});
afterAll(async () => {
  await proxy?.restore();
  await stopStrapi(app);
  await proxy?.close();
  process.env.DATABASE_URL = savedUrl;
  delete process.env.CACHE_ENABLED;
});

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
};

describe('a database outage', () => {
  it('is answered with a 503 JSON error within seconds, and the server recovers by itself', async () => {
    expect((await http(app).get('/_ready')).status).toBe(200);
    const before = await http(app).get('/api/projects?locale=km');
    expect(before.status).toBe(200);

    await proxy.cut();
    for (const path of ['/api/projects?locale=km', '/api/projects?locale=en&fallbackLocale=km', '/api/countries?locale=en']) {
      const [res, ms] = await timed(() => http(app).get(path));
      expectJsonError(res, 503, /database is unavailable/);
      expect(res.headers['retry-after']).toBe('5');
      expect(ms).toBeLessThan(6000);
    }
    const [ready, readyMs] = await timed(() => http(app).get('/_ready'));
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'down', cache: 'up' } });
    expect(readyMs).toBeLessThan(4000);
    expect((await http(app).get('/_health')).status).toBe(204);

    await proxy.restore();
    const [recovered, recoveryMs] = await timed(async () => {
      for (;;) {
        const res = await http(app).get('/api/projects?locale=km');
        if (res.status !== 503) return res;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    expect(recovered.status).toBe(200);
    expect(recovered.body).toEqual(before.body);
    expect(recoveryMs).toBeLessThan(10000);
    expect((await http(app).get('/_ready')).body).toEqual({ status: 'ready', checks: { database: 'up', cache: 'up' } });
  });
});
