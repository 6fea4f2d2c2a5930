import request from 'supertest';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startSecondInstance, type Instance } from '../helpers/second-instance';
import { startStrapi, stopStrapi } from '../helpers/strapi';

// Two server processes on one database and one Redis (REDIS_URL, default the local one).
// An empty REDIS_URL (as a local .env made from .env.example has) means the default server, not no Redis.
process.env.REDIS_URL ||= 'redis://127.0.0.1:6379';
process.env.REDIS_PREFIX = `habitat-test-${process.pid}:`;

let first: Core.Strapi;
let second: Instance;
beforeAll(async () => {
  first = await startStrapi();
  second = await startSecondInstance();
});
afterAll(async () => {
  await second?.stop();
  await stopStrapi(first);
  const redis = new Redis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const url = '/api/projects?locale=en&filters[slug][$eq]=phnom-penh-pupr-phase-2-slum-upgrading';

describe('two instances sharing Redis', () => {
  it('share cached answers', async () => {
    const fromSecond = await request(second.url).get(url);
    expect(fromSecond.status).toBe(200);
    expect((await request(second.url).get(url)).headers['x-cache']).toBe('HIT');
    const fromFirst = await http(first).get(url);
    expect(fromFirst.headers['x-cache']).toBe('HIT');
    expect(fromFirst.text).toBe(fromSecond.text);
  });

  it('serve an edit made through one instance fresh from the other on the very next request', async () => {
    const projects = first.documents('api::project.project');
    const [project] = (await http(first).get(url)).body.data;
    await projects.update({ documentId: project.documentId, locale: 'en', data: { location: 'Phnom Penh, Cambodia' }, status: 'published' });
    try {
      const next = await request(second.url).get(url);
      expect(next.headers['x-cache']).toBe('MISS');
      expect(next.body.data[0].location).toBe('Phnom Penh, Cambodia');
    } finally {
      await projects.update({ documentId: project.documentId, locale: 'en', data: { location: project.location }, status: 'published' });
    }
    expect((await request(second.url).get(url)).body.data[0].location).toBe(project.location);
  });
});

describe('an instance that cannot reach Redis', () => {
  it('answers every request without the cache, and never fails because of it', async () => {
    const isolated = await startSecondInstance({ REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await request(isolated.url).get(url);
        expect(res.status).toBe(200);
        expect(res.headers['x-cache']).toBe('OFF');
        expect(res.body.data).toHaveLength(1);
      }
    } finally {
      await isolated.stop();
    }
  });
});
