import type { Core } from '@strapi/strapi';

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
  const apiPrefix = strapi.config.get<string>('api.rest.prefix', '/api');

  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path.startsWith(`${apiPrefix}/`) && ctx.query.populate === undefined) {
      const segments = ctx.path.slice(apiPrefix.length).split('/');
      const populate = segments.length <= 3 ? DEFAULT_POPULATE[segments[1]] : undefined;
      if (populate && Object.keys(populate).length > 0) ctx.query = { ...ctx.query, populate };
    }
    return next();
  };
};

export default middleware;
