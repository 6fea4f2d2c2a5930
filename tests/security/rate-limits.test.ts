import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { clientAddress, trustedProxies } from '../../src/middlewares/client-ip';

const MAX = 3;
let app: Core.Strapi;
const saved = { ...process.env };

beforeAll(async () => {
  // Small limits keep the file fast; the test client (loopback) plays a trusted proxy.
  process.env.AUTH_RATE_LIMIT_MAX = String(MAX);
  process.env.AUTH_RATE_LIMIT_WINDOW_SECONDS = '60';
  process.env.TRUSTED_PROXIES = 'loopback';
  // Counted in this process (tests/redis/shared-auth-limit.test.ts counts in Redis).
  process.env.REDIS_URL = '';
  app = await startStrapi();
});
afterAll(async () => {
  await stopStrapi(app);
  process.env = saved;
});

let clients = 0;
/** A fresh client address behind the trusted proxy, so that every test starts with a full allowance. */
const newClient = () => `203.0.113.${++clients}`;

const exhaust = async (path: string, client: string, body: object) => {
  for (let i = 0; i < MAX; i++) {
    const res = await http(app).post(path).set('X-Forwarded-For', client).send(body);
    expect([path, res.status]).not.toEqual([path, 429]);
  }
};

const expectLimited = (res: { status: number } & Parameters<typeof expectJsonError>[0]) => {
  expectJsonError(res, 429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

describe('auth rate limits', () => {
  it.each([
    ['/admin/login', ['/admin/Login', '/admin/login/', '//admin//login', '/admin/%6Cogin', '/admin/%256Cogin', '/admin/./login', '/ADMIN/LOGIN/']],
    ['/api/auth/local', ['/api/auth/Local', '/api/auth/local/', '/api//auth/local', '/api/auth/%6Cocal', '/API/AUTH/LOCAL//']],
    ['/api/auth/forgot-password', ['/api/auth/forgot-password/', '/api/auth/Forgot-Password']],
    ['/api/auth/reset-password', ['/api/auth/reset-password/']],
  ])('%s: once spent, path spellings do not open a new allowance', async (path, variants) => {
    const client = newClient();
    await exhaust(path, client, { identifier: 'nobody@example.org', email: 'nobody@example.org', password: 'wrong' });
    for (const variant of [path, ...variants]) {
      const res = await http(app).post(variant).set('X-Forwarded-For', client).send({ identifier: 'x', password: 'wrong' });
      expect([variant, res.status]).toEqual([variant, 429]);
      expectLimited(res);
    }
  });

  it('a rotating email in the body does not open a new allowance (CVE-2025-64526)', async () => {
    const client = newClient();
    for (let i = 0; i < MAX; i++) {
      await http(app).post('/api/auth/local').set('X-Forwarded-For', client).send({ identifier: 'a@example.org', email: `e${i}@example.org`, password: 'x' });
    }
    expectLimited(await http(app).post('/api/auth/local').set('X-Forwarded-For', client).send({ identifier: 'a@example.org', email: 'new@example.org', password: 'x' }));
  });

  it('X-Forwarded-For entries written by the client do not open a new allowance', async () => {
    const client = newClient();
    await exhaust('/admin/login', client, { email: 'a@example.org', password: 'x' });
    for (let i = 0; i < 3; i++) {
      const spoofed = `198.51.100.${i}, ${client}`;
      expectLimited(await http(app).post('/admin/login').set('X-Forwarded-For', spoofed).send({ email: 'a@example.org', password: 'x' }));
    }
    // Another real client behind the same proxy is not affected.
    expect((await http(app).post('/admin/login').set('X-Forwarded-For', newClient()).send({ email: 'a@example.org', password: 'x' })).status).not.toBe(429);
  });

  it('from a peer that is not a trusted proxy, X-Forwarded-For is ignored', () => {
    const trusted = trustedProxies(['10.0.0.1']);
    expect(clientAddress('::ffff:192.0.2.7', '1.2.3.4', trusted)).toBe('192.0.2.7');
    expect(clientAddress('10.0.0.1', '1.2.3.4, 192.0.2.7', trusted)).toBe('192.0.2.7');
    expect(clientAddress('10.0.0.1', '1.2.3.4, 192.0.2.7, 10.0.0.1', trusted)).toBe('192.0.2.7');
    expect(clientAddress('10.0.0.1', undefined, trusted)).toBe('10.0.0.1');
  });

  it('TRUSTED_PROXIES takes CIDR ranges and loopback as Express does (proxy-addr), and refuses what it cannot read', () => {
    const trusted = trustedProxies(['10.0.0.0/8', 'fd00::/8', 'loopback']);
    expect(clientAddress('10.20.30.40', '203.0.113.5', trusted)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:10.20.30.40', '203.0.113.5', trusted)).toBe('203.0.113.5');
    expect(clientAddress('fd12::7', '2001:db8::1', trusted)).toBe('2001:db8::1');
    expect(clientAddress('127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    expect(clientAddress('::1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    // Two proxies of ours (a load balancer in 10/8 behind a CDN edge on loopback): the client is the first hop neither added.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.5, 10.9.9.9', trusted)).toBe('203.0.113.5');
    // Outside every range: the header is ignored.
    expect(clientAddress('11.0.0.1', '203.0.113.5', trusted)).toBe('11.0.0.1');
    expect(clientAddress('192.0.2.1', '203.0.113.5', trustedProxies([]))).toBe('192.0.2.1');
    for (const wrong of [['10.0.0.0/33'], ['proxy.example.org'], ['loopbak']]) {
      expect(() => trustedProxies(wrong)).toThrow(/^TRUSTED_PROXIES: .*expected addresses, CIDR ranges/);
    }
  });

  it('content reads are not limited', async () => {
    const client = newClient();
    for (let i = 0; i < MAX + 2; i++) {
      expect((await http(app).get('/api/themes').set('X-Forwarded-For', client)).status).toBe(200);
    }
  });
});
