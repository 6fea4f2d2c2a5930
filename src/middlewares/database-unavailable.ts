import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { databaseReachable } from '../health/database-check';
import { isDatabaseUnavailable } from '../health/database-errors';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * While the database cannot be reached, answers 503 JSON with Retry-After (which load balancers and
 * clients understand as "try again") instead of Strapi's generic 500. The pool drops dead
 * connections by itself, so requests succeed again as soon as the database is back.
 *
 * users-permissions turns any error while loading the public role's permissions into "not
 * authenticated", so a 401/403 is only believed once the database has been seen to answer.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const unavailable = (ctx: Context, reason: string) => {
    strapi.log.warn(`Database unavailable: ${ctx.method} ${ctx.path} answered 503 (${reason})`);
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly.', details: {} },
    };
  };
  const deniedDuringOutage = async (status: number) => (status === 401 || status === 403) && !(await databaseReachable(strapi));

  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const status = error instanceof errors.UnauthorizedError ? 401 : error instanceof errors.ForbiddenError ? 403 : 0;
      if (isDatabaseUnavailable(error) || (await deniedDuringOutage(status))) return unavailable(ctx, (error as Error).message);
      throw error;
    }
    if (await deniedDuringOutage(ctx.status)) unavailable(ctx, `${ctx.status} while the database did not answer`);
  };
};

export default middleware;
