import type { Core } from '@strapi/strapi';
import { fallbackMiddleware } from './fallback';
import { forgetLocaleCodes } from './locales';

/**
 * The translation workflow, in one place:
 *  - REST locale fallback, `?locale=km&fallbackLocale=en` (fallback.ts).
 */
export default {
  config: {
    default: { defaultFallbacks: {} },
    validator(config: { defaultFallbacks?: unknown }) {
      const fallbacks = config.defaultFallbacks;
      if (fallbacks === null || typeof fallbacks !== 'object' || Array.isArray(fallbacks)) {
        throw new Error('defaultFallbacks must be an object such as { "km": ["en"] }');
      }
    },
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(fallbackMiddleware(strapi));
    // ?fallbackLocale=en on find and findOne of our content types (strict params would refuse it otherwise).
    strapi.contentAPI.addQueryParams({
      fallbackLocale: {
        schema: (z) => z.string().optional(),
        matchRoute: (route) =>
          route.method === 'GET' && typeof route.handler === 'string' && /^api::.+\.(find|findOne)$/.test(route.handler),
      },
    });
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forgetLocaleCodes,
      afterUpdate: forgetLocaleCodes,
      afterDelete: forgetLocaleCodes,
    });
  },
};
