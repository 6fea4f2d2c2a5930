import type { Core } from '@strapi/strapi';
import securitySettings from './security';

const STRAPI_DEFAULTS = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

// Only the origins of config/security.ts (CORS_ORIGINS): plain Strapi reflects any origin with credentials.
const cors = (origins: string[]) => ({
  name: 'strapi::cors',
  config: { origin: origins, credentials: true, maxAge: 600, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] },
});

// Strapi's helmet defaults, under which the admin panel works (Strapi merges in its own directives);
// CSP_MEDIA_SOURCES adds media hosts (S3, CDN) for the admin's previews.
const security = (mediaSources: string[]) => ({
  name: 'strapi::security',
  config: {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'connect-src': ["'self'", 'https:'],
        'img-src': ["'self'", 'data:', 'blob:', ...mediaSources],
        'media-src': ["'self'", 'data:', 'blob:', ...mediaSources],
        'object-src': ["'none'"],
        'frame-ancestors': ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  },
});

const habitat = ({ corsOrigins, cspMediaSources, uploads }: ReturnType<typeof securitySettings>) => [
  'strapi::errors',
  // Inside the error handler: a database outage is a 503 to retry, not a 500.
  'global::database-unavailable',
  cors(corsOrigins),
  // Stores anonymous answers with every header they get from here on; later hits are served by
  // src/cache/fast-path.ts before koa, so they skip every middleware (and the access log).
  'global::public-cache',
  // Error answers described in /api/openapi.json (Strapi's own document names them only); inside the cache.
  'global::openapi-document',
  security(cspMediaSources),
  // No strapi::poweredBy: the answer does not advertise the product.
  'global::client-ip',
  'strapi::logger',
  'global::auth-rate-limit',
  'global::query-limits',
  'strapi::query',
  'global::known-locale',
  'global::valid-pagination',
  'global::populate-depth',
  'global::default-populate',
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploads.maxFileSize } } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

// PLAIN_STRAPI_MIDDLEWARES=true is for the benchmark's baseline only (plain Strapi behaviour).
export default ({ env }: Core.Config.Shared.ConfigParams) =>
  env.bool('PLAIN_STRAPI_MIDDLEWARES', false) ? STRAPI_DEFAULTS : habitat(securitySettings({ env }));
