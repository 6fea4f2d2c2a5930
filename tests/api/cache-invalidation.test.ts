import { describeCacheInvalidation } from '../helpers/cache-suite';

// The in-process cache (no REDIS_URL); tests/redis/cache-invalidation.test.ts runs the same with Redis.
describeCacheInvalidation({ redis: false });
