import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

// An empty value (`DATABASE_FILENAME=` in an .env) means "not set", not "the empty string".
const setting = (env: Env, name: string, fallback: string): string => env(name, '') || fallback;

const sqlite = (env: Env): Core.Config.Database['connection'] => {
  // Relative paths are taken from the project root, also when the config runs from dist/config.
  const filename = path.resolve(__dirname, '..', '..', setting(env, 'DATABASE_FILENAME', '.tmp/data.db'));
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  return { client: 'sqlite', connection: { filename }, useNullAsDefault: true };
};

const postgres = (env: Env): Core.Config.Database['connection'] => ({
  client: 'postgres',
  connection: {
    connectionString: env('DATABASE_URL', '') || undefined,
    host: setting(env, 'DATABASE_HOST', '127.0.0.1'),
    port: env.int('DATABASE_PORT', 5432),
    database: setting(env, 'DATABASE_NAME', 'habitat'),
    user: setting(env, 'DATABASE_USERNAME', 'postgres'),
    password: env('DATABASE_PASSWORD', ''),
    ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
    schema: setting(env, 'DATABASE_SCHEMA', 'public'),
    // A host that drops packets must not hold a request for the TCP timeout.
    connectionTimeoutMillis: env.int('DATABASE_CONNECT_TIMEOUT_MS', 3000),
  },
  // Fail fast while the database is down (src/middlewares/database-unavailable.ts answers 503)
  // instead of letting each request wait knex's default 60 s for a connection.
  acquireConnectionTimeout: env.int('DATABASE_ACQUIRE_TIMEOUT_MS', 5000),
  pool: {
    min: env.int('DATABASE_POOL_MIN', 2),
    max: env.int('DATABASE_POOL_MAX', 10),
    createTimeoutMillis: env.int('DATABASE_CONNECT_TIMEOUT_MS', 3000),
  },
});

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = setting(env, 'DATABASE_CLIENT', 'sqlite');
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
  }
  return { connection: client === 'postgres' ? postgres(env) : sqlite(env) };
};
