import type { Core } from '@strapi/strapi';

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

const HABITAT = [
  'strapi::errors',
  'strapi::cors',
  // Stores anonymous answers with every header they get from here on; later hits are served by
  // src/cache/fast-path.ts before koa, so they skip every middleware (and the access log).
  'global::public-cache',
  'strapi::security',
  'strapi::poweredBy',
  'strapi::logger',
  'strapi::query',
  'global::known-locale',
  'global::valid-pagination',
  'global::populate-depth',
  'global::default-populate',
  'strapi::body',
  // Lets the admin panel save a project's own `status` attribute (src/middlewares/status-attribute.ts).
  'global::status-attribute',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

// PLAIN_STRAPI_MIDDLEWARES=true is for the benchmark's baseline only (plain Strapi behaviour).
export default ({ env }: Core.Config.Shared.ConfigParams) =>
  env.bool('PLAIN_STRAPI_MIDDLEWARES', false) ? STRAPI_DEFAULTS : HABITAT;
