import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiSegments, wholeNumberParam } from '../content-api/request';

/** Smallest value each pagination parameter may take; Strapi silently "fixes" smaller ones. */
const MINIMUM: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

/**
 * Answers nonsensical pagination (`page=0`, `pageSize=-5`, `limit=-1`…) on the content API with
 * 400 instead of quietly serving another page than the one asked for. A page size above the
 * maximum stays allowed: Strapi caps it, as documented.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const apiSegments = contentApiSegments(strapi);

  return async (ctx, next) => {
    const pagination = ctx.query.pagination;
    if (!apiSegments(ctx.path) || pagination === undefined) return next();
    if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
      throw new errors.ValidationError('pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=10');
    }

    for (const [key, minimum] of Object.entries(MINIMUM)) {
      const value = (pagination as Record<string, unknown>)[key];
      if (value !== undefined) wholeNumberParam(value, `pagination[${key}]`, minimum);
    }
    return next();
  };
};

export default middleware;
