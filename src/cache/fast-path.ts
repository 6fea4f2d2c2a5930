import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { cacheConfig, missedLookups, responseCache } from './response-cache';
import { createRequestRules } from './requests';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves cached answers straight from the HTTP server, before koa and every middleware: a hit
 * costs a lookup and a write. The answer is replayed byte for byte with the headers the full
 * middleware chain gave it (security headers, and the CORS headers for the same Origin, which is
 * part of the key). Anything else, or any failure, goes to the application as usual.
 */
export const serveCacheHitsFirst = (strapi: Core.Strapi): void => {
  const config = cacheConfig(strapi);
  if (!config.enabled) return;
  const rules = createRequestRules(strapi);
  const store = responseCache(strapi);
  const server = strapi.server.httpServer;
  const [application] = server.listeners('request') as Listener[];

  const serveHit = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = req.url ?? '';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    if (!rules.isCacheable(req.method ?? '', path, req.headers.authorization)) return false;

    const lookup = await store.lookup(rules.keyOf(path, queryStart < 0 ? '' : url.slice(queryStart + 1), req.headers.origin));
    const { hit } = lookup;
    if (!hit) {
      missedLookups.set(req, lookup);
      return false;
    }

    const ifNoneMatch = req.headers['if-none-match'];
    const notModified = !!ifNoneMatch && (ifNoneMatch === '*' || ifNoneMatch.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, '') === hit.etag));
    res.writeHead(notModified ? 304 : 200, {
      ...hit.headers,
      'x-cache': 'HIT',
      ...(notModified ? {} : { 'content-length': hit.body.length }),
    });
    res.end(notModified ? undefined : hit.body);
    return true;
  };

  server.removeListener('request', application);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    serveHit(req, res).then(
      (served) => served || application(req, res),
      () => application(req, res)
    );
  });
};
