import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { documentCounts } from '../helpers/counts';
import { distDir, firstBootCountsFile } from '../helpers/environment';
import { http } from '../helpers/http';
import { validateOpenApi } from '../helpers/openapi';
import { startStrapi, stopStrapi, type LogEntry } from '../helpers/strapi';

let app: Core.Strapi;
const warnings: LogEntry[] = [];
beforeAll(async () => {
  app = await startStrapi({}, { warnings });
});
afterAll(() => stopStrapi(app));

describe('the start log', () => {
  // E.g. Strapi's check of attribute names ("The attribute name 'status' on content type
  // 'api::project.project' is reserved when 'draftAndPublish' is enabled"), hence projectStatus.
  it('has no warning and no error', () => {
    expect(warnings).toEqual([]);
  });
});

const publicRole = () => app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
const publicActions = async (): Promise<string[]> => {
  const role = await publicRole();
  const permissions = await app.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
  return permissions.map((p: { action: string }) => p.action);
};
const apiTypes = () => Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::'));

describe('a later boot', () => {
  it('adds nothing: same documents, locales, permissions and files as after the first boot', async () => {
    const first = JSON.parse(fs.readFileSync(firstBootCountsFile, 'utf8'));
    expect(await documentCounts(app)).toEqual(first);
  });
});

describe('locales', () => {
  it('are English (default) and Khmer', async () => {
    const locales = await app.plugin('i18n').service('locales').find();
    expect(locales.map((l: { code: string }) => l.code).sort()).toEqual(['en', 'km']);
    expect(await app.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });
});

describe('public permissions', () => {
  it('are find and findOne on every content type (find on the single type), and no other content permission', async () => {
    const actions = await publicActions();
    const content = actions.filter((a) => a.startsWith('api::')).sort();
    const expected = apiTypes().flatMap((uid) =>
      app.contentTypes[uid as keyof typeof app.contentTypes].kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`]
    );
    expect(content).toEqual(expected.sort());
  });

  it('are not given back after an administrator removes one', async () => {
    const { grantPublicReadAccess } = require(path.join(distDir, 'src', 'bootstrap', 'public-permissions'));
    const role = await publicRole();
    const permissions = app.db.query('plugin::users-permissions.permission');
    const action = 'api::theme.theme.findOne';
    await permissions.delete({ where: { action, role: role.id } });
    try {
      await grantPublicReadAccess(app);
      expect(await publicActions()).not.toContain(action);
    } finally {
      await permissions.create({ data: { action, role: role.id } });
    }
  });

  it('leave registration closed', async () => {
    const advanced = await app.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' });
    expect(advanced).toEqual(expect.objectContaining({ allow_register: false }));
  });
});

describe('admin list views', () => {
  it('show the main columns of each type, e.g. projects by title, status, countries and year', async () => {
    const contentTypes = app.plugin('content-manager').service('content-types');
    const config = await contentTypes.findConfiguration(app.contentTypes['api::project.project']);
    expect(config.layouts.list).toEqual(['id', 'title', 'projectStatus', 'countries', 'startYear', 'updatedAt']);
    expect(config.settings.mainField).toBe('title');
    expect(config.metadatas.slug.edit.description).toMatch(/same in every language/);
  });
});

describe('OpenAPI description', () => {
  it('is served at /api/openapi.json and validates as OpenAPI 3', async () => {
    const res = await http(app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(validateOpenApi(res.body)).toEqual({ valid: true, version: '3.1' });
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/projects', '/projects/{id}', '/global']));
  });
});
