import type { Core } from '@strapi/strapi';
import { responseCache } from '../cache/response-cache';
import { databaseReachable } from './database-check';

/**
 * GET /_ready: whether this instance can serve content now (Strapi's /_health only says the
 * process is alive). 200 when the database answers, 503 when it does not, so a load balancer
 * takes the instance out of rotation. The response cache is reported but does not decide: without
 * Redis an instance still answers correctly, only more slowly.
 */
export const serveReadiness = (strapi: Core.Strapi): void => {
  strapi.server.router.get('/_ready', async (ctx: Parameters<Core.MiddlewareHandler>[0]) => {
    const database = (await databaseReachable(strapi)) ? 'up' : 'down';
    const cache = responseCache(strapi).available() ? 'up' : 'down';
    ctx.set('Cache-Control', 'no-store');
    ctx.status = database === 'up' ? 200 : 503;
    ctx.body = { status: database === 'up' ? 'ready' : 'unavailable', checks: { database, cache } };
  });
};
