import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { cacheConfig, missedLookups, responseCache } from '../cache/response-cache';
import { contentApiSegments } from '../content-api/request';
import { createRequestRules } from '../cache/requests';
import { createDependencyReader } from '../cache/dependencies';
import { createSingleFlight } from '../cache/single-flight';
import type { CachedResponse, Lookup, Ticket } from '../cache/store';

type Context = Parameters<Core.MiddlewareHandler>[0];

const etagOf = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/** Headers that belong to one exchange rather than to the answer. */
const PER_REQUEST = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache', 'set-cookie']);

/**
 * Gives every anonymous content API read an ETag (304 on If-None-Match) and CDN-friendly
 * Cache-Control, and stores it with all its headers (CORS, security…) and its dependencies in
 * the response cache, from which src/cache/fast-path.ts serves the following identical requests.
 * A miss is computed once per process: identical requests arriving meanwhile wait for it
 * (X-Cache: SHARED). Never cached: requests with credentials, errors, non-JSON answers.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const config = cacheConfig(strapi);
  const rules = createRequestRules(strapi);
  const dependenciesOf = createDependencyReader(strapi);
  // Only a computation that started after every invalidation this request has seen is joined: one
  // that began before a write this request already follows could answer from before it.
  const flights = createSingleFlight<CachedResponse, Ticket | undefined>(
    (leader, waiter) => !waiter || (!!leader && leader.generation === waiter.generation && leader.seq >= waiter.seq)
  );
  const apiSegments = contentApiSegments(strapi);
  const publicCacheControl = `public, max-age=${config.httpMaxAge}, stale-while-revalidate=${config.httpStaleWhileRevalidate}`;

  const send = (ctx: Context, { body, headers }: CachedResponse, cache: 'HIT' | 'SHARED' | 'MISS' | 'OFF') => {
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

  /** The answer the chain gave, as it is cached, or nothing if it is not to be cached or shared. */
  const responseOf = (ctx: Context): CachedResponse | undefined => {
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return undefined;
    const body = Buffer.from(JSON.stringify(ctx.body));
    ctx.type = 'application/json';
    ctx.set('ETag', etagOf(body));
    ctx.set('Cache-Control', publicCacheControl);
    const headers = Object.fromEntries(
      Object.entries(ctx.response.headers)
        .filter(([name]) => !PER_REQUEST.has(name))
        .map(([name, value]) => [name, String(value)])
    );
    return { etag: headers.etag, body, headers };
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
    const lookup: Lookup = config.enabled ? missedLookups.get(ctx.req) ?? (await store.lookup(key).catch((): Lookup => ({}))) : {};
    if (lookup.hit) return send(ctx, lookup.hit, 'HIT');

    if (config.enabled) {
      const shared = await flights.join(key, lookup.ticket, config.singleFlightTimeoutMs);
      if (shared) return send(ctx, shared, 'SHARED');
    }

    const finish = config.enabled ? flights.lead(key, lookup.ticket) : () => undefined;
    let response: CachedResponse | undefined;
    try {
      await next();
      response = responseOf(ctx);
    } finally {
      finish(response);
    }
    if (!response) return;

    const answer = rules.answerOf(ctx.path);
    if (lookup.ticket && answer && response.body.length <= config.maxEntryBytes) {
      const tags = dependenciesOf({ ...answer, query: ctx.query as Record<string, unknown>, body: ctx.body });
      store.save(key, lookup.ticket, tags, response).catch(() => undefined);
    }
    send(ctx, response, lookup.ticket ? 'MISS' : 'OFF');
  };
};

export default middleware;
