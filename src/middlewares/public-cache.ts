import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { contentApiSegments } from '../content-api/request';
import { cacheConfig, responseCache } from '../cache/response-cache';
import { createRequestRules } from '../cache/requests';
import type { CachedResponse, Lookup } from '../cache/store';

type Context = Parameters<Core.MiddlewareHandler>[0];

const etagOf = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/** Headers that belong to one exchange rather than to the answer. */
const PER_REQUEST = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache', 'set-cookie']);

/**
 * Gives every anonymous content API read an ETag (304 on If-None-Match) and CDN-friendly
 * Cache-Control, and stores it with all its headers (CORS, security…) in the response cache, from
 * which src/cache/fast-path.ts serves the following identical requests. Never cached: requests
 * with credentials, errors, non-JSON answers.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const config = cacheConfig(strapi);
  const rules = createRequestRules(strapi);
  const apiSegments = contentApiSegments(strapi);
  const publicCacheControl = `public, max-age=${config.httpMaxAge}, stale-while-revalidate=${config.httpStaleWhileRevalidate}`;

  const send = (ctx: Context, { body, headers }: CachedResponse, cache: 'HIT' | 'MISS' | 'OFF') => {
    ctx.status = 200;
    ctx.set(headers);
    ctx.set('X-Cache', cache);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    } else {
      ctx.body = body;
    }
  };

  return async (ctx, next) => {
    if (!rules.isCacheable(ctx.method, ctx.path, ctx.get('authorization') || undefined)) {
      await next();
      if (ctx.get('authorization') && apiSegments(ctx.path)) ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const store = responseCache(strapi);
    const key = rules.keyOf(ctx.path, ctx.querystring, ctx.get('origin') || undefined);
    // A cache outage costs speed, never answers.
    const lookup = config.enabled ? await store.lookup(key).catch((): Lookup => ({})) : {};
    if (lookup.hit) return send(ctx, lookup.hit, 'HIT');

    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;

    const body = Buffer.from(JSON.stringify(ctx.body));
    ctx.type = 'application/json';
    ctx.set('ETag', etagOf(body));
    ctx.set('Cache-Control', publicCacheControl);
    const headers = Object.fromEntries(
      Object.entries(ctx.response.headers)
        .filter(([name]) => !PER_REQUEST.has(name))
        .map(([name, value]) => [name, String(value)])
    );
    const response: CachedResponse = { etag: headers.etag, body, headers };
    if (lookup.generation !== undefined && body.length <= config.maxEntryBytes) {
      store.save(key, lookup.generation, response).catch(() => undefined);
    }
    send(ctx, response, lookup.generation !== undefined ? 'MISS' : 'OFF');
  };
};

export default middleware;
