export default [
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // A cache hit is answered here, with the headers above and without the work below (nor a log line).
  'global::public-cache',
  'strapi::logger',
  'strapi::query',
  'global::known-locale',
  'global::valid-pagination',
  'global::populate-depth',
  'global::default-populate',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
