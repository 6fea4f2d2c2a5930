import { createStrapi, type Core } from '@strapi/strapi';
import { appDir, distDir, useTestEnvironment } from './environment';

/**
 * Boots the real application (compiled by the global setup) on the test database, with its
 * routes mounted, as `strapi start` would, minus the admin panel and the listening socket:
 * tests talk HTTP to `app.server.httpServer` through supertest. `env` points one boot elsewhere
 * (another database, public folder…); it applies while the configuration loads.
 */
export const startStrapi = async (env: Record<string, string> = {}): Promise<Core.Strapi> => {
  useTestEnvironment();
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
    app.log.level = 'error';
    await app.load();
    app.server.mount();
    return app;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

export const stopStrapi = async (app: Core.Strapi | undefined): Promise<void> => {
  await app?.destroy();
};
