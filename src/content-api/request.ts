import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The content API's path prefix: `api.rest.prefix` in config/api.ts, `/api` by default. */
export const contentApiPrefix = (strapi: Core.Strapi): string => strapi.config.get<string>('api.rest.prefix', '/api');

/**
 * Where a request is on the content API, as path segments after the prefix (`api.rest.prefix` in
 * config/api.ts, `/api` by default): `/api/projects/abc` → `['projects', 'abc']`, and null for a
 * path outside it (admin panel, uploads, `/_ready`).
 */
export const contentApiSegments = (strapi: Core.Strapi): ((path: string) => string[] | null) => {
  const prefix = `${contentApiPrefix(strapi)}/`;
  return (path) => (path.startsWith(prefix) ? path.slice(prefix.length).split('/') : null);
};

/**
 * A query parameter that must be a whole number of at least `minimum`, as the query parser gives
 * it (a string): its value, or a 400 that names it (`pagination[page]`, details key `pagination.page`).
 */
export const wholeNumberParam = (value: unknown, name: string, minimum: number): number => {
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < minimum) {
    throw new errors.ValidationError(`${name} must be a whole number of at least ${minimum}`, { key: name.replace(/\[([^\]]*)\]/g, '.$1') });
  }
  return Number(value);
};
