import type { Core } from '@strapi/strapi';

/** FALLBACK_LOCALES="km:en" → { km: ['en'] }: the locale chain used when a request names no fallbackLocale. */
const fallbackChains = (value: string): Record<string, string[]> =>
  Object.fromEntries(
    value
      .split(/[;\s]+/)
      .filter(Boolean)
      .map((chain) => {
        const [locale, ...fallbacks] = chain.split(/[:>,]/).map((code) => code.trim());
        return [locale, fallbacks.filter(Boolean)];
      })
  );

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '7d', algorithm: 'HS256' },
    },
  },
  // The translation workflow (locale fallback, translation status, XLIFF, translator role).
  translations: {
    enabled: true,
    resolve: './src/plugins/translations',
    config: { defaultFallbacks: fallbackChains(env('FALLBACK_LOCALES', '')) },
  },
});
