import fs from 'fs';
import path from 'path';
import { knex, type Knex } from 'knex';
import { Client } from 'pg';
import { appDir } from './environment';

/** A database of its own for one test, as the environment variables that point the app at it. */
export type ScratchDatabase = { client: 'sqlite' | 'postgres'; env: Record<string, string>; url?: string; drop: () => Promise<void> };

/** The PostgreSQL server of the test run (DATABASE_URL of `npm run test:postgres`, else DATABASE_HOST…). */
export const postgresServer = (): URL => {
  if (process.env.DATABASE_CLIENT === 'postgres' && process.env.DATABASE_URL) return new URL(process.env.DATABASE_URL);
  const url = new URL('postgres://127.0.0.1:5432/postgres');
  url.hostname = process.env.DATABASE_HOST || '127.0.0.1';
  url.port = process.env.DATABASE_PORT || '5432';
  url.username = process.env.DATABASE_USERNAME || 'postgres';
  url.password = process.env.DATABASE_PASSWORD || '';
  return url;
};

const withDatabase = (name: string): string => {
  const url = postgresServer();
  url.pathname = `/${name}`;
  return url.toString();
};

const admin = async (sql: string) => {
  const client = new Client({ connectionString: withDatabase('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const unique = (name: string) => `${name}_${process.pid}_${Date.now()}`;

/** An empty PostgreSQL database on the test server, dropped by `drop`. */
export const emptyPostgresDatabase = async (name: string, template?: string): Promise<ScratchDatabase> => {
  const database = unique(name);
  await admin(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = withDatabase(database);
  return {
    client: 'postgres',
    url,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url },
    drop: () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
};

const sqliteDatabase = (name: string, copyOf?: string): ScratchDatabase => {
  const relative = `.tmp/${unique(name)}.db`;
  const file = path.join(appDir, relative);
  if (copyOf) fs.copyFileSync(path.join(appDir, copyOf), file);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
};

/** An empty database of the kind the suite runs on. */
export const emptyDatabase = (name: string): Promise<ScratchDatabase> =>
  process.env.DATABASE_CLIENT === 'postgres' ? emptyPostgresDatabase(name) : Promise.resolve(sqliteDatabase(name));

/** A copy of the test database (demo content as a first start loads it), to change freely. No app may be connected to it. */
export const copyOfTestDatabase = (name: string): Promise<ScratchDatabase> =>
  process.env.DATABASE_CLIENT === 'postgres'
    ? emptyPostgresDatabase(name, new URL(process.env.DATABASE_URL!).pathname.slice(1))
    : Promise.resolve(sqliteDatabase(name, '.tmp/test.db'));

/** A knex connection of its own to a scratch database (no app needs to be running on it). */
export const knexFor = (database: ScratchDatabase): Knex =>
  database.client === 'postgres'
    ? knex({ client: 'pg', connection: database.url })
    : knex({ client: 'better-sqlite3', connection: { filename: path.join(appDir, database.env.DATABASE_FILENAME) }, useNullAsDefault: true });
