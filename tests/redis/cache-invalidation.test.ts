import Redis from 'ioredis';
import { describeCacheInvalidation } from '../helpers/cache-suite';

// The same as tests/api/cache-invalidation.test.ts, with the cache in Redis shared by a second
// instance, under a key prefix of this run's own.
// An empty REDIS_URL (as a local .env made from .env.example has) means the default server, not no Redis.
process.env.REDIS_URL ||= 'redis://127.0.0.1:6379';
process.env.REDIS_PREFIX = `habitat-test-perf-${process.pid}:`;

afterAll(async () => {
  const redis = new Redis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describeCacheInvalidation({ redis: true });
