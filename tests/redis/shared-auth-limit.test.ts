import request from 'supertest';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startSecondInstance, type Instance } from '../helpers/second-instance';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { startTcpProxy } from '../helpers/tcp-proxy';

// Two server processes on one database and one Redis (REDIS_URL, default the local one), with a
// key prefix of this run's own.
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
const PREFIX = `habitat-test-${process.pid}-${Date.now()}`;
const MAX = 4;
const saved = { ...process.env };
Object.assign(process.env, {
  AUTH_RATE_LIMIT_MAX: String(MAX),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
  AUTH_RATE_LIMIT_REDIS_PREFIX: `${PREFIX}:auth`,
  REDIS_PREFIX: `${PREFIX}:cache:`,
  // The tests' client (loopback) plays the load balancer; X-Forwarded-For names the client.
  TRUSTED_PROXIES: 'loopback',
});

let first: Core.Strapi;
let second: Instance;
const redis = new Redis(process.env.REDIS_URL);
beforeAll(async () => {
  first = await startStrapi();
  second = await startSecondInstance();
});
afterAll(async () => {
  await second?.stop();
  await stopStrapi(first);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  process.env = saved;
});

type Send = (client: string) => Promise<request.Response>;
const login = (base: Core.Strapi | string): Send => (client) =>
  (typeof base === 'string' ? request(base) : http(base))
    .post('/api/auth/local')
    .set('X-Forwarded-For', client)
    .send({ identifier: 'nobody@example.org', password: 'wrong' });

let clients = 0;
const newClient = () => `203.0.113.${++clients}`;

const expectAllowed = (res: request.Response) => expect([res.status, res.body?.error?.name]).toEqual([400, 'ValidationError']);
const expectLimited = (res: request.Response) => {
  expect(res.status).toBe(429);
  expect(res.body.error.message).toBe('Too many attempts, please try again later.');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

describe('two instances share one auth rate limit in Redis', () => {
  it('attempts spread over both instances count once: the limit is MAX in all, not per instance', async () => {
    const client = newClient();
    const instances = [login(first), login(second.url)];
    for (let i = 0; i < MAX; i++) expectAllowed(await instances[i % 2](client));
    for (const send of instances) expectLimited(await send(client));
    // Counted in Redis under this run's prefix.
    expect(Number(await redis.get(`${PREFIX}:auth:${client}|/api/auth/local`))).toBe(MAX + 2);
    // Another client behind the same proxy keeps its own allowance.
    expectAllowed(await login(second.url)(newClient()));
  });
});

describe('while Redis cannot be reached, each instance counts in its own memory', () => {
  it('an instance that starts without Redis limits every client at MAX, without errors', async () => {
    const isolated = await startSecondInstance({ REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const client = newClient();
      for (let i = 0; i < MAX; i++) expectAllowed(await login(isolated.url)(client));
      expectLimited(await login(isolated.url)(client));
    } finally {
      await isolated.stop();
    }
  });

  it('an instance that loses Redis goes on limiting, in memory, and counts in Redis again once it is back', async () => {
    const { hostname, port } = new URL(process.env.REDIS_URL!);
    const proxy = await startTcpProxy({ host: hostname, port: Number(port || 6379) });
    const instance = await startSecondInstance({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    try {
      const before = newClient();
      // Redis is reached through the proxy: shared with the first instance.
      for (let i = 0; i < MAX; i++) expectAllowed(await login(instance.url)(before));
      expectLimited(await login(first)(before));

      await proxy.cut();
      const during = newClient();
      for (let i = 0; i < MAX; i++) expectAllowed(await login(instance.url)(during));
      expectLimited(await login(instance.url)(during));
      expect(await redis.exists(`${PREFIX}:auth:${during}|/api/auth/local`)).toBe(0);

      await proxy.restore();
      const after = newClient();
      const deadline = Date.now() + 30_000;
      while (!(await redis.exists(`${PREFIX}:auth:${after}|/api/auth/local`)) && Date.now() < deadline) {
        expect((await login(instance.url)(after)).status).toBeLessThan(500);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await redis.exists(`${PREFIX}:auth:${after}|/api/auth/local`)).toBe(1);
    } finally {
      await instance.stop();
      await proxy.close();
    }
  });
});
