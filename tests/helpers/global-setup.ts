import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { appDir, firstBootCountsFile, testPublicDir, useTestEnvironment } from './environment';
import { documentCounts } from './counts';
import { startStrapi, stopStrapi } from './strapi';

/**
 * Compiles the app once, empties the test database and boots once, as a first start does
 * (locales, permissions, demo content). Each test file then boots again on that database, so
 * every file also checks that a later boot changes nothing.
 */
export default async (): Promise<void> => {
  useTestEnvironment();
  if (process.env.DATABASE_CLIENT === 'sqlite') {
    // With the database's write-ahead log: a log left by an interrupted run must not meet a new file.
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(appDir, '.tmp', `test.db${suffix}`), { force: true });
  }
  fs.rmSync(path.join(appDir, testPublicDir), { recursive: true, force: true });
  fs.mkdirSync(path.join(appDir, testPublicDir, 'uploads'), { recursive: true });

  await compileStrapi({ appDir, ignoreDiagnostics: false });

  const started = Date.now();
  const app = await startStrapi();
  process.stdout.write(`\nFirst boot with demo content: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  fs.mkdirSync(path.dirname(firstBootCountsFile), { recursive: true });
  fs.writeFileSync(firstBootCountsFile, JSON.stringify(await documentCounts(app)));
  await stopStrapi(app);
};
