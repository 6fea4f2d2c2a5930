import crypto from 'crypto';
import qs from 'qs';
import type { Core } from '@strapi/strapi';
import { cacheConfig, responseCache } from '../cache/response-cache';

/** First path segments of the content API that read content: /api/<plural>[/<id>], /api/<single>. */
const contentRoutes = (strapi: Core.Strapi): Set<string> =>
  new Set(
    Object.values(strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .map((contentType) => (contentType.kind === 'singleType' ? contentType.info.singularName : contentType.info.pluralName))
  );

const etagOf = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Caches anonymous GET answers of the content API, and gives every such answer an ETag (304 on
 * If-None-Match) and CDN-friendly Cache-Control. Placed after the security and CORS middlewares,
 * so a hit carries exactly their headers, and before everything else, which a hit skips. Never
 * cached: requests with credentials (they may see drafts or private data), errors, non-JSON.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const config = cacheConfig(strapi);
  const apiPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const routes = contentRoutes(strapi);
  const publicCacheControl = `public, max-age=${config.httpMaxAge}, stale-while-revalidate=${config.httpStaleWhileRevalidate}`;

  const isCacheable = (ctx: Parameters<Core.MiddlewareHandler>[0]) => {
    if (ctx.method !== 'GET' || ctx.get('authorization')) return false;
    const segments = ctx.path.slice(apiPrefix.length).split('/');
    return ctx.path.startsWith(`${apiPrefix}/`) && segments.length <= 3 && routes.has(segments[1]);
  };

  const send = (ctx: Parameters<Core.MiddlewareHandler>[0], etag: string, body: Buffer, cache: 'HIT' | 'MISS' | 'OFF') => {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', publicCacheControl);
    ctx.set('X-Cache', cache);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    } else {
      ctx.body = body;
    }
  };

  return async (ctx, next) => {
    if (!isCacheable(ctx)) {
      await next();
      if (ctx.get('authorization') && ctx.path.startsWith(`${apiPrefix}/`)) ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const store = responseCache(strapi);
    const key = `${ctx.path}?${qs.stringify(ctx.query, { sort: (a: string, b: string) => a.localeCompare(b) })}`;
    let lookup: Awaited<ReturnType<typeof store.lookup>> | undefined;
    if (config.enabled) {
      try {
        lookup = await store.lookup(key);
      } catch (error) {
        // A cache outage costs speed, never answers.
        strapi.log.warn(`Response cache unavailable: ${String(error)}`);
      }
      if (lookup?.hit) return send(ctx, lookup.hit.etag, lookup.hit.body, 'HIT');
    }

    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;

    const body = Buffer.from(JSON.stringify(ctx.body));
    const etag = etagOf(body);
    if (lookup && body.length <= config.maxEntryBytes) {
      store.save(key, lookup.generation, { etag, body }).catch((error: unknown) => strapi.log.warn(`Response cache: ${String(error)}`));
    }
    send(ctx, etag, body, lookup ? 'MISS' : 'OFF');
  };
};

export default middleware;
