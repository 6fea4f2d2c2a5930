import type { Core } from '@strapi/strapi';

/** Response cache for anonymous content API reads (src/cache, src/middlewares/public-cache.ts). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('CACHE_ENABLED', true),
  // Shared store for several instances; without it each instance keeps its own in-process cache.
  redisUrl: env('REDIS_URL', ''),
  redisPrefix: env('REDIS_PREFIX', 'habitat:cache:'),
  maxEntries: env.int('CACHE_MAX_ENTRIES', 5000),
  maxBytes: env.int('CACHE_MAX_BYTES', 64 * 1024 * 1024),
  // Bodies larger than this are served but not kept.
  maxEntryBytes: env.int('CACHE_MAX_ENTRY_BYTES', 1024 * 1024),
  // What browsers and CDNs are told (Cache-Control), in seconds.
  httpMaxAge: env.int('CACHE_HTTP_MAX_AGE', 60),
  httpStaleWhileRevalidate: env.int('CACHE_HTTP_STALE_WHILE_REVALIDATE', 300),
  // Requests that miss while the same answer is being computed wait this long for it, then compute their own.
  singleFlightTimeoutMs: env.int('CACHE_SINGLE_FLIGHT_TIMEOUT_MS', 3000),
});
