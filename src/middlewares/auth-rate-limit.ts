import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

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

interface Window {
  count: number;
  resetAt: number;
}

// Bounds the memory an attacker rotating addresses can make us hold.
const MAX_KEYS = 100_000;

/**
 * Rate limit on authentication routes, per client address (src/middlewares/client-ip.ts) and
 * canonical path, counting every attempt in a fixed window. In memory: with several instances
 * each one keeps its own count (see README, "Security").
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const { max, windowMs } = strapi.config.get<{ max: number; windowMs: number }>('security.authRateLimit');
  const windows = new Map<string, Window>();

  const hit = (key: string, now: number): Window => {
    const current = windows.get(key);
    if (current && current.resetAt > now) {
      current.count += 1;
      return current;
    }
    windows.delete(key);
    if (windows.size >= MAX_KEYS) {
      for (const [oldKey, old] of windows) if (old.resetAt <= now || windows.size >= MAX_KEYS) windows.delete(oldKey);
    }
    const fresh = { count: 1, resetAt: now + windowMs };
    windows.set(key, fresh);
    return fresh;
  };

  return async (ctx, next) => {
    const route = canonicalPath(ctx.path);
    if (!LIMITED.some((pattern) => pattern.test(route))) return next();

    const now = Date.now();
    const window = hit(`${ctx.request.ip}|${route}`, now);
    if (window.count > max) {
      ctx.set('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
      throw new errors.RateLimitError('Too many attempts, please try again later.');
    }
    return next();
  };
};

export default middleware;
