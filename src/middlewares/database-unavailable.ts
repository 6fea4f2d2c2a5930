import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { databaseReachable } from '../health/database-check';
import { isDatabaseUnavailable, mayFollowDatabaseOutage } from '../health/database-errors';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * While the database cannot be reached, answers 503 JSON with Retry-After (which load balancers and
 * clients understand as "try again") instead of Strapi's generic 500. The pool drops dead
 * connections by itself, so requests succeed again as soon as the database is back.
 *
 * Some answers are ambiguous: users-permissions turns any error while loading the public role's
 * permissions into 401/403, and knex reports a transaction whose connection died as "already
 * complete". Those become 503 only when the database does not answer a check.
 */
const LOG_INTERVAL_MS = 10_000;

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  // One line per 10 s, not one per request: an outage under load would flood the log.
  let loggedAt = 0;
  const unavailable = (ctx: Context, reason: string) => {
    if (Date.now() - loggedAt > LOG_INTERVAL_MS) {
      loggedAt = Date.now();
      strapi.log.warn(`Database unavailable, answering 503 (${ctx.method} ${ctx.path}: ${reason})`);
    }
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly.', details: {} },
    };
  };
  const denied = (status: number) => status === 401 || status === 403;

  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const ambiguous = error instanceof errors.UnauthorizedError || error instanceof errors.ForbiddenError || mayFollowDatabaseOutage(error);
      if (isDatabaseUnavailable(error) || (ambiguous && !(await databaseReachable(strapi)))) return unavailable(ctx, (error as Error).message);
      throw error;
    }
    if (denied(ctx.status) && !(await databaseReachable(strapi))) unavailable(ctx, `${ctx.status} while the database did not answer`);
  };
};

export default middleware;
