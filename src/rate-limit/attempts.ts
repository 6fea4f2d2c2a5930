import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Core } from '@strapi/strapi';

export type AuthRateLimitConfig = { max: number; windowMs: number; redisUrl: string; redisPrefix: string };

/** How many attempts a key made in its current window (this one included), and when the window ends. */
export type Hit = { count: number; resetInMs: number };

export interface AttemptCounter {
  hit(key: string): Promise<Hit>;
  close(): Promise<void>;
}

// Bounds the memory an attacker rotating addresses can make us hold.
const MAX_KEYS = 100_000;

/** One process: a fixed window per key, from its first attempt. */
export const memoryAttempts = (windowMs: number): AttemptCounter => {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key) {
      const now = Date.now();
      const current = windows.get(key);
      if (current && current.resetAt > now) {
        current.count += 1;
        return { count: current.count, resetInMs: current.resetAt - now };
      }
      windows.delete(key);
      if (windows.size >= MAX_KEYS) {
        for (const [oldKey, old] of windows) if (old.resetAt <= now || windows.size >= MAX_KEYS) windows.delete(oldKey);
      }
      windows.set(key, { count: 1, resetAt: now + windowMs });
      return { count: 1, resetInMs: windowMs };
    },
    async close() {
      windows.clear();
    },
  };
};

/**
 * Several instances: the same fixed windows, counted in Redis (rate-limiter-flexible's atomic
 * increment), so the limit holds across all of them. While Redis cannot be reached, each instance
 * counts in its own memory (the insurance): a client then gets at most the limit per instance,
 * never an error. Our own bounded counter rather than the library's insuranceLimiter, whose memory
 * store has no bound on keys.
 */
export const redisAttempts = ({ max, windowMs, redisUrl, redisPrefix }: AuthRateLimitConfig, log: (message: string) => void): AttemptCounter => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: redisPrefix,
    points: max,
    duration: Math.max(1, Math.ceil(windowMs / 1000)),
    rejectIfRedisNotReady: true,
  });
  const insurance = memoryAttempts(windowMs);
  let inMemory = false;
  const fallBack = (reason: string) => {
    if (!inMemory) log(`Auth rate limit: Redis unavailable, counting attempts in this instance's memory (${reason})`);
    inMemory = true;
  };
  redis.on('error', (error: Error) => fallBack(error.message));
  redis.on('ready', () => {
    if (inMemory) log('Auth rate limit: Redis is back; counting attempts there again');
    inMemory = false;
  });
  const asHit = (res: RateLimiterRes): Hit => ({ count: res.consumedPoints, resetInMs: res.msBeforeNext });

  return {
    async hit(key) {
      try {
        return asHit(await limiter.consume(key));
      } catch (outcome) {
        // A RateLimiterRes is Redis's answer "over the limit"; anything else is Redis failing.
        if (outcome instanceof RateLimiterRes) return asHit(outcome);
        fallBack(outcome instanceof Error ? outcome.message : String(outcome));
        return insurance.hit(key);
      }
    },
    async close() {
      redis.disconnect();
      await insurance.close();
    },
  };
};

const counters = new WeakMap<Core.Strapi, AttemptCounter>();

/** The application's one counter of auth attempts (Redis when REDIS_URL is set, else in-process). */
export const authAttempts = (strapi: Core.Strapi): AttemptCounter => {
  let counter = counters.get(strapi);
  if (!counter) {
    const config = strapi.config.get<AuthRateLimitConfig>('security.authRateLimit');
    counter = config.redisUrl ? redisAttempts(config, (message) => strapi.log.warn(message)) : memoryAttempts(config.windowMs);
    counters.set(strapi, counter);
  }
  return counter;
};

export const closeAuthAttempts = async (strapi: Core.Strapi): Promise<void> => {
  await counters.get(strapi)?.close();
  counters.delete(strapi);
};
