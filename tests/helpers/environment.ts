import crypto from 'crypto';
import path from 'path';

export const appDir = path.resolve(__dirname, '..', '..');
export const distDir = path.join(appDir, 'dist');
export const testPublicDir = '.tmp/test-public';
export const firstBootCountsFile = path.join(appDir, '.tmp', 'test-first-boot-counts.json');

/**
 * The test database and secrets, set before Strapi reads its .env so that a developer's own
 * .env (their database, their secrets) is never used by the tests.
 */
export const useTestEnvironment = (): void => {
  const random = () => crypto.randomBytes(16).toString('hex');
  process.env.NODE_ENV = 'test';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.DATABASE_CLIENT ??= 'sqlite';
  if (process.env.DATABASE_CLIENT === 'sqlite') process.env.DATABASE_FILENAME = '.tmp/test.db';
  process.env.SEED_DEMO = 'true';
  process.env.PUBLIC_DIR = testPublicDir;
  // No website to call or preview unless a test names one (tests/site/).
  process.env.SITE_URL = '';
  process.env.APP_KEYS ??= [random(), random()].join(',');
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) {
    process.env[name] ??= random();
  }
};
