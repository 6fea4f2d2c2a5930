import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Answers a content API request for a locale that does not exist with 400 instead of Strapi's
 * `200 { data: [] }`, so a frontend with a typo in its locale finds out at once.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const apiPrefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
  let codes: Promise<Set<string>> | null = null;

  const loadLocaleCodes = async (): Promise<Set<string>> => {
    const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    return new Set(locales.map((locale) => locale.code));
  };
  const localeCodes = (): Promise<Set<string>> => codes ?? (codes = loadLocaleCodes());

  // Locales change rarely (Settings > Internationalization); forget the cached list when they do.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: () => void (codes = null),
    afterUpdate: () => void (codes = null),
    afterDelete: () => void (codes = null),
  });

  return async (ctx, next) => {
    if (!ctx.path.startsWith(apiPrefix) || !('locale' in ctx.query)) return next();

    const requested = ctx.query.locale;
    const available = await localeCodes();
    if (typeof requested !== 'string' || !available.has(requested)) {
      const list = [...available].sort().join(', ');
      throw new errors.ValidationError(
        typeof requested === 'string'
          ? `Unknown locale "${requested}". Available locales: ${list}.`
          : `The locale parameter must be a single locale code (one of: ${list}).`,
        { key: 'locale', available: [...available].sort() }
      );
    }
    return next();
  };
};

export default middleware;
