import type { Core } from '@strapi/strapi';
import { contentApiSegments } from '../content-api/request';

const IMAGE = { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] };
const FILE = { fields: ['url', 'name', 'mime', 'size'] };
const NAMED = { fields: ['name', 'slug'] };
const TITLED = { fields: ['title', 'slug'] };

/**
 * What a typical page of each route needs, populated when the request asks for no `populate`
 * of its own: a frontend gets a project card (countries, themes, cover) in one cheap request
 * instead of reaching for a deep `populate=*`. A request that names its own populate gets
 * exactly that.
 */
const DEFAULT_POPULATE: Record<string, Record<string, unknown>> = {
  projects: { countries: NAMED, themes: NAMED, programme: TITLED, cover: IMAGE },
  countries: {},
  partners: { logo: IMAGE },
  programmes: { countries: NAMED },
  themes: {},
  publications: { countries: NAMED, cover: IMAGE, files: { populate: { file: FILE } } },
  speeches: {},
  vacancies: { country: NAMED, attachment: FILE },
  'photo-galleries': { country: NAMED, project: TITLED, cover: IMAGE },
  voices: { country: NAMED, project: TITLED },
  pages: { seo: { populate: { shareImage: IMAGE } } },
  global: { navigation: { populate: { children: true } }, contact: true },
};

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const apiSegments = contentApiSegments(strapi);

  return async (ctx, next) => {
    const segments = ctx.method === 'GET' && ctx.query.populate === undefined ? apiSegments(ctx.path) : null;
    if (segments) {
      // /api/<route> or /api/<route>/<documentId>
      const populate = segments.length <= 2 ? DEFAULT_POPULATE[segments[0]] : undefined;
      if (populate && Object.keys(populate).length > 0) ctx.query = { ...ctx.query, populate };
    }
    return next();
  };
};

export default middleware;
