import type { Core } from '@strapi/strapi';

/** Demo content (src/bootstrap/demo-content.ts, database/seeds). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Loaded on the first start against an empty database unless SEED_DEMO=false.
  demoOnFirstStart: env('SEED_DEMO', 'true') !== 'false',
});
