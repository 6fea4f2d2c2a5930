import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { addEditorialWork } from '../helpers/backup';
import { copyOfTestDatabase, knexFor, type ScratchDatabase } from '../helpers/databases';
import { appDir } from '../helpers/environment';
import { http } from '../helpers/http';
import { contentSnapshot } from '../helpers/snapshot';
import { startStrapi, stopStrapi, type LogEntry } from '../helpers/strapi';

/*
 * database/migrations/…project-status.js on a database as the version before the rename left it:
 * the project's own status in the column `projects.status`, named `status` in Strapi's record of
 * the schema and of the content types, in the admin roles' field permissions and in the content
 * manager's view, and the migration not yet run. Such a database is made from a copy of the test
 * database (demo content, plus drafts and an unpublished edit) by renaming all of these back.
 */

const PROJECT = 'api::project.project';
const MIGRATIONS = path.join(appDir, 'database', 'migrations');
const [MIGRATION] = fs.readdirSync(MIGRATIONS).filter((name) => name.endsWith('.project-status.js'));
const migration = require(path.join(MIGRATIONS, MIGRATION)) as { up: (knex: Knex) => Promise<void> };

type Row = { id: number; project_status: string | null };
type Permission = { id: number; properties: unknown };

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
/** A JSON value with one name replaced wherever it appears as a whole string (key or value). */
const renamed = (value: unknown, from: string, to: string): string => JSON.stringify(parse(value)).split(`"${from}"`).join(`"${to}"`);

const statusRows = (db: Knex, column = 'project_status'): Promise<Row[]> =>
  db('projects').select('id', `${column} as project_status`).orderBy('id');

/** The database as the version before the rename made it. */
const toPreviousShape = async (db: Knex): Promise<void> => {
  await db.schema.alterTable('projects', (table) => table.renameColumn('project_status', 'status'));
  const [stored] = await db('strapi_database_schema').select('id', 'schema');
  await db('strapi_database_schema').where({ id: stored.id }).update({ schema: renamed(stored.schema, 'project_status', 'status') });
  for (const key of ['strapi_content_types_schema', `plugin_content_manager_configuration_content_types::${PROJECT}`]) {
    const row = await db('strapi_core_store_settings').select('id', 'value').where({ key }).first();
    await db('strapi_core_store_settings').where({ id: row.id }).update({ value: renamed(row.value, 'projectStatus', 'status') });
  }
  // The admin views of that version (src/bootstrap/admin-views.ts).
  await db('strapi_core_store_settings').where({ key: 'plugin_habitat_admin-views-version' }).update({ value: '2' });
  const permissions: Permission[] = await db('admin_permissions').select('id', 'properties').where({ subject: PROJECT });
  for (const { id, properties } of permissions) {
    await db('admin_permissions').where({ id }).update({ properties: renamed(properties, 'projectStatus', 'status') });
  }
  await db('strapi_migrations').where({ name: MIGRATION }).delete();
};

const fieldsOf = async (app: Core.Strapi, roleCode: string, action: string): Promise<string[]> => {
  const [permission] = await app.db.query('admin::permission').findMany({ where: { subject: PROJECT, action, role: { code: roleCode } } });
  return permission.properties.fields;
};

let database: ScratchDatabase;
let before: Record<string, unknown>;
let beforeRows: Row[];
let app: Core.Strapi;
const warnings: LogEntry[] = [];

beforeAll(async () => {
  database = await copyOfTestDatabase('previous_status');
  // Drafts and unpublished edits too, with a value per row: a draft that differs from its published
  // version, and one without a value (a draft need not have its required fields).
  app = await startStrapi({ ...database.env, SEED_DEMO: 'false' });
  try {
    await addEditorialWork(app);
    // In every locale's draft of the document: projectStatus is a shared field, and versions that
    // disagree on one would be repaired at start (shared-fields.ts).
    const drafts = (await app.db.query(PROJECT).findMany({ where: { publishedAt: null, locale: 'en' }, orderBy: { id: 'asc' } })) as Array<{ documentId: string }>;
    await app.db.query(PROJECT).updateMany({ where: { documentId: drafts[0].documentId, publishedAt: null }, data: { projectStatus: 'planned' } });
    await app.db.query(PROJECT).updateMany({ where: { documentId: drafts[1].documentId, publishedAt: null }, data: { projectStatus: null } });
    before = await contentSnapshot(app);
  } finally {
    await stopStrapi(app);
  }

  const db = knexFor(database);
  try {
    beforeRows = await statusRows(db);
    await toPreviousShape(db);
  } finally {
    await db.destroy();
  }
  app = await startStrapi({ ...database.env, SEED_DEMO: 'false' }, { warnings });
});

afterAll(async () => {
  await stopStrapi(app);
  await database?.drop();
});

describe('a database made before the rename, started with this version', () => {
  it('was in the previous shape: values in projects.status, every value there', () => {
    expect(new Set(beforeRows.map((row) => row.project_status))).toEqual(new Set(['planned', 'ongoing', 'completed', null]));
  });

  it('keeps every value: each row (every locale, draft and published) has its old status as projectStatus', async () => {
    expect(await statusRows(app.db.connection)).toEqual(beforeRows);
    expect(await contentSnapshot(app)).toEqual(before);
  });

  it('no longer has the old column: the values were copied before Strapi dropped it', async () => {
    expect(await app.db.connection.schema.hasColumn('projects', 'status')).toBe(false);
    const ran = await app.db.connection('strapi_migrations').where({ name: MIGRATION });
    expect(ran).toHaveLength(1);
  });

  it('serves projectStatus over REST, and no status attribute', async () => {
    const res = await http(app).get('/api/projects').query({ locale: 'km', 'filters[slug][$eq]': 'phnom-penh-pupr-phase-2-slum-upgrading' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ projectStatus: 'completed', locale: 'km' })]);
    expect(res.body.data[0]).not.toHaveProperty('status');
  });

  it("keeps the admin roles' field permissions: editors still read and change it, translators read it", async () => {
    expect(await fieldsOf(app, 'strapi-editor', 'plugin::content-manager.explorer.update')).toContain('projectStatus');
    expect(await fieldsOf(app, 'strapi-editor', 'plugin::content-manager.explorer.read')).toContain('projectStatus');
    expect(await fieldsOf(app, 'translator-km', 'plugin::content-manager.explorer.read')).toContain('projectStatus');
    expect(await fieldsOf(app, 'translator-km', 'plugin::content-manager.explorer.update')).not.toContain('projectStatus');
    const permissions = await app.db.query('admin::permission').findMany({ where: { subject: PROJECT } });
    expect(JSON.stringify(permissions.map((p: { properties: unknown }) => p.properties))).not.toContain('"status"');
  });

  it('shows the field in the admin views where it was, labelled Status', async () => {
    const view = await app.plugin('content-manager').service('content-types').findConfiguration(app.contentTypes[PROJECT]);
    expect(view.layouts.list).toEqual(['id', 'title', 'projectStatus', 'countries', 'startYear', 'updatedAt']);
    expect(view.layouts.edit[1].map((field: { name: string }) => field.name)).toEqual(['projectStatus', 'summary']);
    expect(view.metadatas.projectStatus.edit).toMatchObject({ label: 'Status', description: expect.stringMatching(/planned, ongoing or completed/) });
    expect(view.metadatas).not.toHaveProperty('status');
  });

  it('logs no warning and no error while starting', () => {
    expect(warnings).toEqual([]);
  });
});

describe('the migration, run again', () => {
  it('changes nothing once the column is gone', async () => {
    const rows = await statusRows(app.db.connection);
    await app.db.connection.transaction((trx) => migration.up(trx));
    expect(await statusRows(app.db.connection)).toEqual(rows);
  });

  it('with both columns present, fills only the rows without a value and never overwrites one', async () => {
    const db = app.db.connection;
    const rows = await statusRows(db);
    // (The last test on this scratch database: the extra column stays.)
    await db.schema.alterTable('projects', (table) => table.string('status'));
    await db('projects').update({ status: 'planned' });
    await db('projects').where({ id: rows[0].id }).update({ project_status: null });
    await db.transaction((trx) => migration.up(trx));
    await db.transaction((trx) => migration.up(trx));
    const expected = rows.map((row, index) => (index === 0 || row.project_status === null ? { ...row, project_status: 'planned' } : row));
    expect(expected.filter((row) => row.project_status === 'planned').length).toBeLessThan(rows.length);
    expect(await statusRows(db)).toEqual(expected);
  });
});
