import fs from 'fs';
import path from 'path';
import { addEditorialWork, strapiCli } from '../helpers/backup';
import { copyOfTestDatabase, emptyDatabase, type ScratchDatabase } from '../helpers/databases';
import { appDir, testPublicDir } from '../helpers/environment';
import { contentSnapshot, snapshotSummary } from '../helpers/snapshot';
import { startStrapi, stopStrapi } from '../helpers/strapi';

// Backup and restore as docs/backups.md describes them, on the database the suite runs on: the
// demo content plus drafts, an unpublished edit and an outdated translation, exported, imported into
// a fresh database and public folder, and compared version by version, file by file.
const work = path.join(appDir, '.tmp', `backup-${process.pid}`);
const restoredPublic = path.relative(appDir, path.join(work, 'public'));
const databases: ScratchDatabase[] = [];
let source: ScratchDatabase;
let before: Record<string, unknown>;

const snapshotOf = async (env: Record<string, string>) => {
  const app = await startStrapi(env);
  try {
    return await contentSnapshot(app);
  } finally {
    await stopStrapi(app);
  }
};

beforeAll(async () => {
  fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
  source = await copyOfTestDatabase('backup_source');
  databases.push(source);
  const app = await startStrapi({ ...source.env, SEED_DEMO: 'false' });
  try {
    await addEditorialWork(app);
    before = await contentSnapshot(app);
  } finally {
    await stopStrapi(app);
  }
});
afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('covers drafts, both locales, components, relations, media and translation status', () => {
    const summary = snapshotSummary(before);
    expect(summary['api::project.project']).toBeGreaterThan(20);
    expect(summary['plugin::upload.file']).toBeGreaterThan(5);
    expect(summary['plugin::translations.status']).toBeGreaterThan(10);
    const projects = before['api::project.project'] as Array<Record<string, unknown>>;
    expect(projects.filter((p) => p.publishedAt === null && p.slug === 'embargoed-coastal-resilience-kampot')).toHaveLength(2);
    expect(projects.some((p) => String(p.title).endsWith('(revised, not yet published)'))).toBe(true);
    const statuses = before['plugin::translations.status'] as Array<{ state: string }>;
    expect(statuses.some((s) => s.state === 'outdated')).toBe(true);
  });

  it('strapi export (encrypted) then strapi import into a fresh database restores every document, relation and file', async () => {
    const archive = path.join(work, 'export');
    await strapiCli(['export', '--key', 'a-test-passphrase', '-f', archive], { ...source.env, PUBLIC_DIR: testPublicDir });
    const target = await emptyDatabase('backup_target');
    databases.push(target);
    await strapiCli(['import', '--key', 'a-test-passphrase', '--force', '-f', `${archive}.tar.gz.enc`], { ...target.env, PUBLIC_DIR: restoredPublic });
    // A later normal start (demo content on) must not load the seed again on the restored database.
    expect(await snapshotOf({ ...target.env, PUBLIC_DIR: restoredPublic })).toEqual(before);
  });
});
