import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  app: { keys: env.array('APP_KEYS', []) },
  // Static files and uploads; the tests point this elsewhere so they never touch real uploads.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // The REST API describes itself at GET /api/openapi.json (generated from the content types).
  // It takes seconds to generate, so it is cached until the content model changes (src/bootstrap/openapi-cache.ts).
  openapi: {
    'content-api': {
      access: 'public',
      cache: { filePath: '.tmp/openapi/content-api.json', maxAgeMs: 10 * 365 * 24 * 3600 * 1000 },
    },
  },
});
