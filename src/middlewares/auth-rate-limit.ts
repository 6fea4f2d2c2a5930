import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { authAttempts, type AuthRateLimitConfig } from '../rate-limit/attempts';

// Every users-permissions auth route (login, register, password reset, email confirmation, OAuth)
// and the admin panel's unauthenticated ones.
const LIMITED = [/^\/api\/auth(\/|$)/, /^\/api\/connect(\/|$)/, /^\/admin\/(login|register|register-admin|forgot-password|reset-password)$/];

/**
 * The path as the router may understand it, so that spelling cannot open a fresh allowance:
 * url-encoding (also repeated), letter case, doubled, dotted and trailing slashes all land on the
 * same key. Undecodable paths are keyed as they are (they cannot reach a route).
 */
export const canonicalPath = (raw: string): string => {
  let current = raw;
  for (let round = 0; round < 3; round++) {
    try {
      const decoded = decodeURIComponent(current);
      if (decoded === current) break;
      current = decoded;
    } catch {
      break;
    }
  }
  const normalized = path.posix.normalize(current.replace(/\\/g, '/').replace(/\/{2,}/g, '/')).toLowerCase();
  return normalized.replace(/\/+$/, '') || '/';
};

/**
 * Rate limit on authentication routes, per client address (src/middlewares/client-ip.ts) and
 * canonical path, counting every attempt in a fixed window: in Redis when REDIS_URL is set, so
 * that the limit holds across instances, else (and while Redis is down) in this process
 * (src/rate-limit/attempts.ts).
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const { max } = strapi.config.get<AuthRateLimitConfig>('security.authRateLimit');
  const attempts = authAttempts(strapi);

  return async (ctx, next) => {
    const route = canonicalPath(ctx.path);
    if (!LIMITED.some((pattern) => pattern.test(route))) return next();

    const { count, resetInMs } = await attempts.hit(`${ctx.request.ip}|${route}`);
    if (count > max) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil(resetInMs / 1000))));
      throw new errors.RateLimitError('Too many attempts, please try again later.');
    }
    return next();
  };
};

export default middleware;
