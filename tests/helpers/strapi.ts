import { createStrapi, type Core } from '@strapi/strapi';
import { appDir, distDir, useTestEnvironment } from './environment';

/**
 * Boots the real application (compiled by the global setup) on the test database, with its
 * routes mounted, as `strapi start` would, minus the admin panel and the listening socket:
 * tests talk HTTP to `app.server.httpServer` through supertest.
 */
export const startStrapi = async (): Promise<Core.Strapi> => {
  useTestEnvironment();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  app.server.mount();
  return app;
};

export const stopStrapi = async (app: Core.Strapi | undefined): Promise<void> => {
  await app?.destroy();
};
