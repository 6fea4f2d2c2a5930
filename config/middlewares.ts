export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::known-locale',
  'global::valid-pagination',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
