import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

const list = (env: Env, name: string, fallback: string[]): string[] => {
  const value = env(name, '');
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : fallback;
};

// Frontends a developer runs next to the admin panel; production names its own (CORS_ORIGINS).
const LOCAL_FRONTENDS = ['http://localhost:1337', 'http://localhost:3000', 'http://localhost:4321', 'http://localhost:5173'];

/**
 * Hardening settings read by config/middlewares.ts, config/plugins.ts and our middlewares
 * (src/middlewares/client-ip, auth-rate-limit, query-limits) and upload policy (src/uploads).
 * Every variable is listed in .env.example and in the README's "Security" section.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Origins allowed to call the API from a browser. Never "*": credentials are allowed.
  corsOrigins: list(env, 'CORS_ORIGINS', env('NODE_ENV', 'development') === 'production' ? [] : LOCAL_FRONTENDS),
  // Extra hosts images and media may be loaded from in the admin panel (S3 bucket, CDN).
  cspMediaSources: list(env, 'CSP_MEDIA_SOURCES', []),
  // Peers whose X-Forwarded-For is believed; from anyone else the header is ignored. Addresses,
  // CIDR ranges (10.0.0.0/8, fd00::/8) and proxy-addr's names loopback, linklocal, uniquelocal.
  trustedProxies: list(env, 'TRUSTED_PROXIES', []),
  authRateLimit: {
    max: env.int('AUTH_RATE_LIMIT_MAX', 10),
    windowMs: env.int('AUTH_RATE_LIMIT_WINDOW_SECONDS', 600) * 1000,
    // With Redis (the cache's REDIS_URL) every instance counts in it, so the limit holds across
    // instances; while Redis is down each counts in its own memory.
    redisUrl: env('REDIS_URL', ''),
    redisPrefix: env('AUTH_RATE_LIMIT_REDIS_PREFIX', 'habitat:auth-limit'),
  },
  // Longer query strings are answered 414; beyond ~16 KB Node itself answers 431 before the app.
  maxQueryLength: env.int('QUERY_MAX_LENGTH', 8192),
  uploads: {
    allowedTypes: list(env, 'UPLOAD_ALLOWED_TYPES', ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']),
    maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', 50 * 1024 * 1024),
    maxImageDimension: env.int('UPLOAD_MAX_IMAGE_DIMENSION', 10000),
  },
});
