import path from 'path';
import type { ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import securitySettings from './security';

// Served inline from /uploads; anything else is offered as a download of bytes, never typed (e.g.
// as HTML by its name) or rendered on our origin.
const INLINE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.pdf']);

const uploadHeaders = (res: ServerResponse, filePath: string): void => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (INLINE_EXTENSIONS.has(path.extname(filePath).toLowerCase())) return;
  res.setHeader('Content-Disposition', 'attachment');
  res.setHeader('Content-Type', 'application/octet-stream');
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

/**
 * Media in S3-compatible storage (several instances share it; docs/deployment.md) when
 * UPLOAD_PROVIDER=aws-s3, else the local public/uploads folder served with safe headers.
 * The content checks are in src/uploads/upload-policy.ts; Strapi's own type check (security) and
 * size limit run first and refuse what they can.
 */
const upload = (env: Core.Config.Shared.ConfigParams['env']) => {
  const { uploads } = securitySettings({ env });
  const checks = {
    sizeLimit: uploads.maxFileSize,
    security: {
      allowedTypes: uploads.allowedTypes,
      deniedTypes: ['image/svg+xml', 'text/*', 'application/xhtml+xml', 'application/xml', 'application/javascript', 'application/x-javascript'],
    },
  };
  if (env('UPLOAD_PROVIDER', '') !== 'aws-s3') {
    return { config: { ...checks, providerOptions: { localServer: { setHeaders: uploadHeaders } } } };
  }
  return {
    config: {
      ...checks,
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: env('S3_BASE_URL', '') || undefined,
        rootPath: env('S3_ROOT_PATH', '') || undefined,
        s3Options: {
          credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
          region: env('S3_REGION'),
          endpoint: env('S3_ENDPOINT', '') || undefined,
          forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
          params: { Bucket: env('S3_BUCKET'), ...(env('S3_ACL', '') ? { ACL: env('S3_ACL') } : {}) },
        },
      },
    },
  };
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: upload(env),
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
    config: {
      defaultFallbacks: fallbackChains(env('FALLBACK_LOCALES', '')),
      // The largest XLIFF file the Translations page, its upload route and `npm run xliff` take. At
      // most UPLOAD_MAX_FILE_SIZE, where every multipart body stops (config/middlewares.ts): the limit
      // named in a refusal is then the one that applies.
      xliffMaxFileSize: Math.min(env.int('XLIFF_MAX_FILE_SIZE', 16 * 1024 * 1024), securitySettings({ env }).uploads.maxFileSize),
    },
  },
});
