import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { createMemoryStore, createRedisStore, type CacheStore, type Lookup } from './store';

export type CacheConfig = {
  enabled: boolean;
  redisUrl: string;
  redisPrefix: string;
  maxEntries: number;
  maxBytes: number;
  maxEntryBytes: number;
  httpMaxAge: number;
  httpStaleWhileRevalidate: number;
  singleFlightTimeoutMs: number;
};

const stores = new WeakMap<Core.Strapi, CacheStore>();

/** The lookup the fast path made for a request that missed, so that the middleware does not look up again. */
export const missedLookups = new WeakMap<IncomingMessage, Lookup>();

export const cacheConfig = (strapi: Core.Strapi): CacheConfig => strapi.config.get('cache') as CacheConfig;

/** The application's one response cache store (Redis when REDIS_URL is set, else in-process). */
export const responseCache = (strapi: Core.Strapi): CacheStore => {
  let store = stores.get(strapi);
  if (!store) {
    const config = cacheConfig(strapi);
    store = config.redisUrl
      ? createRedisStore({
          url: config.redisUrl,
          prefix: config.redisPrefix,
          ttlSeconds: 24 * 3600,
          log: (message) => strapi.log.warn(message),
        })
      : createMemoryStore(config);
    stores.set(strapi, store);
  }
  return store;
};

export const closeResponseCache = async (strapi: Core.Strapi): Promise<void> => {
  await stores.get(strapi)?.close();
  stores.delete(strapi);
};
