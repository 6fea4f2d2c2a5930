import type { Core } from '@strapi/strapi';
import { contentApiPrefix } from '../content-api/request';

type Json = Record<string, unknown>;
type Context = Parameters<Core.MiddlewareHandler>[0];

/** Strapi's error body, the same on every route (the errors middleware writes it). */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer', description: 'The HTTP status' },
        name: { type: 'string', description: 'e.g. ValidationError, NotFoundError, ForbiddenError' },
        message: { type: 'string', description: 'What was wrong, in words' },
        details: {
          type: 'object',
          description: 'For a ValidationError, which parameter (`key`), or the list of `errors` with their `path`',
          additionalProperties: true,
        },
      },
    },
  },
} as const;

const ERROR_ANSWERS: Record<string, string> = {
  400: 'Bad request: a parameter or the body is wrong (the message says which)',
  401: 'Unauthorized: the API token is missing or invalid',
  403: 'Forbidden: the token (or the public role) may not do this',
  404: 'Not found',
  500: 'Internal server error',
  503: 'The database is unavailable; try again after Retry-After seconds',
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Gives every operation's error answers the error body's schema. */
export const describeErrors = (document: Json): void => {
  const components = (document.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  schemas.Error = ERROR_SCHEMA;
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  for (const pathItem of Object.values(isObject(document.paths) ? document.paths : {})) {
    for (const operation of Object.values(isObject(pathItem) ? pathItem : {})) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, description] of Object.entries(ERROR_ANSWERS)) operation.responses[status] = { description, content };
    }
  }
};

/**
 * Strapi writes the time it generated the document as `publishedAt`'s default: wrong for every
 * later request, and it makes types generated from the document differ each time. Left out.
 */
export const dropGenerationTimeDefaults = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const item of node) dropGenerationTimeDefaults(item);
    return;
  }
  if (!isObject(node)) return;
  const publishedAt = isObject(node.properties) ? node.properties.publishedAt : undefined;
  if (isObject(publishedAt) && typeof publishedAt.default === 'string') delete publishedAt.default;
  for (const value of Object.values(node)) dropGenerationTimeDefaults(value);
};

/**
 * Completes the OpenAPI document Strapi serves at /api/openapi.json. Strapi writes the parameters
 * and 200 answer of each route from its `request`/`response` schemas (ours: src/search/search-schema.ts,
 * the translations plugin's status-schema.ts), but describes error answers by a word only, so
 * generated clients could not type them; here every error answer gets the error body's schema, and
 * `publishedAt` loses the generation time Strapi writes as its default (dropGenerationTimeDefaults).
 * Strapi caches the document it generates (src/bootstrap/openapi-cache.ts); this runs on the way out.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const documentPath = `${contentApiPrefix(strapi)}/openapi.json`;
  return async (ctx: Context, next) => {
    await next();
    if (ctx.method !== 'GET' || ctx.path !== documentPath || ctx.status !== 200 || !isObject(ctx.body)) return;
    describeErrors(ctx.body);
    dropGenerationTimeDefaults(ctx.body);
  };
};

export default middleware;
