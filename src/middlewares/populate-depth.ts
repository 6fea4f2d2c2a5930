import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiSegments } from '../content-api/request';

/** Deep enough for a project → its publications → their files → the file; deeper is a mistake or an attack. */
const MAX_DEPTH = 4;

/** Nesting levels of `populate` in a parsed query value (`populate[a][populate][b]` is 2). */
const depthOf = (value: unknown): number => {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const [key, inner] of Object.entries(value)) {
    deepest = Math.max(deepest, (key === 'populate' ? 1 : 0) + depthOf(inner));
  }
  return deepest;
};

/** Refuses populate trees deeper than MAX_DEPTH with 400, before they become a join storm. */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const apiSegments = contentApiSegments(strapi);
  return async (ctx, next) => {
    if (apiSegments(ctx.path) && ctx.query.populate !== undefined) {
      const depth = 1 + depthOf(ctx.query.populate);
      if (depth > MAX_DEPTH) {
        throw new errors.ValidationError(`populate is nested ${depth} levels deep; at most ${MAX_DEPTH} are allowed`, {
          key: 'populate',
          max: MAX_DEPTH,
        });
      }
    }
    return next();
  };
};

export default middleware;
