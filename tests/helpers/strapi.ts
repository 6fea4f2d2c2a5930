import { Writable } from 'stream';
import { createStrapi, type Core } from '@strapi/strapi';
import { appDir, distDir, useTestEnvironment } from './environment';

/** One line of Strapi's log: its level (warn, error) and message. */
export type LogEntry = { level: string; message: string };

const WARNING_LEVELS = new Set(['error', 'warn']);

/**
 * Collects the warnings and errors of a log. Strapi's logger (winston) is a stream of every log
 * entry, piped to its transports, which filter by level; the level an entry was written with is
 * under Symbol.for('level') (`level` itself may carry colour codes).
 */
const collectWarnings = (entries: LogEntry[]): Writable =>
  new Writable({
    objectMode: true,
    write(info: { message: unknown; [key: symbol]: unknown }, _encoding, done) {
      const level = String(info[Symbol.for('level')]);
      if (WARNING_LEVELS.has(level)) entries.push({ level, message: String(info.message) });
      done();
    },
  });

/**
 * Boots the real application (compiled by the global setup) on the test database, with its
 * routes mounted, as `strapi start` would, minus the admin panel and the listening socket:
 * tests talk HTTP to `app.server.httpServer` through supertest. `env` points one boot elsewhere
 * (another database, public folder…); it applies while the configuration loads. `warnings`, if
 * given, receives every warning and error logged while the application loads (Strapi's own
 * checks of the content types, the migrations, the bootstrap); the log is quiet otherwise.
 */
export const startStrapi = async (env: Record<string, string> = {}, { warnings }: { warnings?: LogEntry[] } = {}): Promise<Core.Strapi> => {
  useTestEnvironment();
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
    app.log.level = 'error';
    const collector = warnings && app.log.pipe(collectWarnings(warnings));
    try {
      await app.load();
    } finally {
      if (collector) app.log.unpipe(collector);
    }
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
