import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  // strictParams: an unknown query parameter is a 400, not silently ignored.
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true, strictParams: true },
};

export default config;
