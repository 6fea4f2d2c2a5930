import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiSegments } from '../content-api/request';

/**
 * Answers a content API request for a locale (or fallbackLocale) that does not exist with 400
 * instead of Strapi's `200 { data: [] }`, so a frontend with a typo in its locale finds out at once.
 */
const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const apiSegments = contentApiSegments(strapi);
  let codes: Promise<Set<string>> | null = null;

  const loadLocaleCodes = async (): Promise<Set<string>> => {
    const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    return new Set(locales.map((locale) => locale.code));
  };
  // A failed load (database down) is not kept: the next request tries again.
  const localeCodes = (): Promise<Set<string>> =>
    codes ??
    (codes = loadLocaleCodes().catch((error: unknown) => {
      codes = null;
      throw error;
    }));

  // Locales change rarely (Settings > Internationalization); forget the cached list when they do.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: () => void (codes = null),
    afterUpdate: () => void (codes = null),
    afterDelete: () => void (codes = null),
  });

  const fail = (key: string, requested: unknown, available: Set<string>): never => {
    const list = [...available].sort().join(', ');
    const codes = typeof requested === 'string' ? requested.split(',').map((code) => code.trim()) : [];
    const unknown = codes.filter((code) => !available.has(code));
    throw new errors.ValidationError(
      typeof requested === 'string'
        ? `Unknown ${key === 'locale' ? 'locale' : key} "${unknown.join(', ') || requested}". Available locales: ${list}.`
        : `The ${key} parameter must be ${key === 'locale' ? 'a single locale code' : 'a locale code, or several separated by commas'} (one of: ${list}).`,
      { key, available: [...available].sort() }
    );
  };

  return async (ctx, next) => {
    if (!apiSegments(ctx.path) || !('locale' in ctx.query || 'fallbackLocale' in ctx.query)) return next();

    const available = await localeCodes();
    if ('locale' in ctx.query) {
      const requested = ctx.query.locale;
      if (typeof requested !== 'string' || !available.has(requested)) fail('locale', requested, available);
    }
    // fallbackLocale (translations plugin): one code or a chain "km-KH,en"; each must exist.
    if ('fallbackLocale' in ctx.query) {
      const requested = ctx.query.fallbackLocale;
      const codes = typeof requested === 'string' ? requested.split(',').map((code) => code.trim()) : [];
      if (codes.length === 0 || codes.some((code) => !available.has(code))) fail('fallbackLocale', requested, available);
    }
    return next();
  };
};

export default middleware;
