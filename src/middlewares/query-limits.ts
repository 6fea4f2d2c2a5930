import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// A key segment naming one of these is an attempt at prototype pollution, never a parameter of ours.
const POISONED_KEY = /(^|[[.])(__proto__|constructor|prototype)($|[\].[])/i;

/**
 * Checks the raw query string before it is parsed: too long is 414, a key aimed at an object's
 * prototype (`a[__proto__]=…`, `constructor[prototype]=…`) is 400. Both are answered without
 * building the parsed query object they would cost.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const maxLength = strapi.config.get<number>('security.maxQueryLength');

  return async (ctx, next) => {
    const query = ctx.querystring;
    if (!query) return next();
    if (query.length > maxLength) {
      ctx.status = 414;
      ctx.body = {
        data: null,
        error: { status: 414, name: 'URITooLong', message: `The query string is longer than ${maxLength} characters.`, details: {} },
      };
      return;
    }
    for (const pair of query.split('&')) {
      const rawKey = pair.split('=', 1)[0].replace(/\+/g, ' ');
      let key: string;
      try {
        key = decodeURIComponent(rawKey);
      } catch {
        throw new errors.ValidationError('The query string is not validly url-encoded.');
      }
      if (POISONED_KEY.test(key)) throw new errors.ValidationError(`Invalid query parameter "${key}".`);
    }
    return next();
  };
};

export default middleware;
