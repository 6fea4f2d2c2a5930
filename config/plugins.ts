import path from 'path';
import type { ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import securitySettings from './security';

// Served inline from /uploads; anything else is offered as a download, never rendered on our origin.
const INLINE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.pdf']);

const uploadHeaders = (res: ServerResponse, filePath: string): void => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (!INLINE_EXTENSIONS.has(path.extname(filePath).toLowerCase())) res.setHeader('Content-Disposition', 'attachment');
};

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
  // The content checks are in src/uploads/upload-policy.ts; Strapi's own type check (security) and
  // size limit run first and refuse what they can.
  upload: {
    config: {
      sizeLimit: securitySettings({ env }).uploads.maxFileSize,
      security: {
        allowedTypes: securitySettings({ env }).uploads.allowedTypes,
        deniedTypes: ['image/svg+xml', 'text/*', 'application/xhtml+xml', 'application/xml', 'application/javascript', 'application/x-javascript'],
      },
      providerOptions: { localServer: { setHeaders: uploadHeaders } },
    },
  },
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
