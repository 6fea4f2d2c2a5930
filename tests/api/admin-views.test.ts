import type { Core } from '@strapi/strapi';
import { signInWithRole } from '../helpers/credentials';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
let admin: Record<string, string>;
let userId: number;

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: { description?: string; label?: string }; list: { label?: string; sortable?: boolean } }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};
const configuration = async (uid: string): Promise<Configuration> => {
  const res = await http(app).get(`/content-manager/content-types/${uid}/configuration`).set(admin);
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};

beforeAll(async () => {
  app = await startStrapi();
  const signedIn = await signInWithRole(app, 'strapi-super-admin');
  userId = signedIn.id;
  admin = signedIn.headers;
});

afterAll(async () => {
  await app.db.query('admin::user').delete({ where: { id: userId } });
  await stopStrapi(app);
});

describe('edit views as the admin panel reads them', () => {
  it('lays out a project in groups: what it is, where and when, long texts, figures, links, media', async () => {
    const { layouts, metadatas, settings } = await configuration('api::project.project');
    const rows = layouts.edit.map((row) => row.map((field) => field.name));
    expect(rows).toEqual([
      ['title', 'slug'],
      ['projectStatus', 'summary'],
      ['countries', 'location'],
      ['startYear', 'endYear'],
      ['background'],
      ['objectives'],
      ['results'],
      ['keyFigures'],
      ['totalCost'],
      ['partners', 'donors'],
      ['programme', 'themes'],
      ['publications', 'galleries'],
      ['voices'],
      ['cover'],
      ['seo'],
    ]);
    for (const row of layouts.edit) expect(row.reduce((sum, field) => sum + field.size, 0)).toBeLessThanOrEqual(12);
    expect(metadatas.summary.edit.description).toBe('One or two sentences, shown in lists and search results.');
    expect(metadatas.projectStatus.edit.description).toMatch(/planned, ongoing or completed.*same in every language/);
    // Labelled "Status" in the form; in the list apart from the draft/published "Status" column Strapi adds, and sortable.
    expect(metadatas.projectStatus.edit.label).toBe('Status');
    expect(metadatas.projectStatus.list).toMatchObject({ label: 'Project status', sortable: true });
    expect(metadatas).not.toHaveProperty('status');
    expect(layouts.list).toEqual(['id', 'title', 'projectStatus', 'countries', 'startYear', 'updatedAt']);
    expect(settings).toMatchObject({ mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' });
  });

  it('labels fields and columns in words, not attribute names: content types and components', async () => {
    const { metadatas } = await configuration('api::project.project');
    expect(metadatas.startYear.edit.label).toBe('Start year');
    expect(metadatas.startYear.list.label).toBe('Start year');
    expect(metadatas.keyFigures.edit.label).toBe('Key figures');
    expect(metadatas.totalCost.edit.label).toBe('Total cost');
    expect(metadatas.updatedAt.list.label).toBe('Last updated');
    expect(metadatas.seo.edit.label).toBe('SEO');
    // Every label of every type and component: words starting with a capital, no camelCase attribute names.
    const inWords = (label: string | undefined) => typeof label === 'string' && /^[A-Z]/.test(label) && !/[a-z][A-Z]/.test(label);
    const offenders: string[] = [];
    for (const uid of Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::'))) {
      for (const [field, metadata] of Object.entries((await configuration(uid)).metadatas)) {
        // Strapi keeps documentId's metadata itself (not editable, its own column name).
        if (field === 'documentId') continue;
        if (!inWords(metadata.edit.label) || !inWords(metadata.list.label)) offenders.push(`${uid}.${field}: ${metadata.edit.label} / ${metadata.list.label}`);
      }
    }
    for (const uid of Object.keys(app.components)) {
      const res = await http(app).get(`/content-manager/components/${uid}/configuration`).set(admin);
      expect(res.status).toBe(200);
      const metadatas: Configuration['metadatas'] = res.body.data.component.metadatas;
      for (const [field, metadata] of Object.entries(metadatas)) if (!inWords(metadata.edit.label)) offenders.push(`${uid}.${field}: ${metadata.edit.label}`);
    }
    expect(offenders).toEqual([]);
    const figure = await http(app).get('/content-manager/components/shared.key-figure/configuration').set(admin);
    expect(figure.body.data.component.metadatas.value.edit.label).toBe('Value');
    const seo = await http(app).get('/content-manager/components/shared.seo/configuration').set(admin);
    expect(seo.body.data.component.metadatas.metaTitle.edit.label).toBe('Title for search engines');
  });

  it.each([
    'api::country.country', 'api::global.global', 'api::page.page', 'api::partner.partner', 'api::photo-gallery.photo-gallery',
    'api::programme.programme', 'api::project.project', 'api::publication.publication', 'api::speech.speech', 'api::theme.theme',
    'api::vacancy.vacancy', 'api::voice.voice',
  ])('%s: every field of the edit view has a description in plain words', async (uid) => {
    const { layouts, metadatas } = await configuration(uid);
    const fields = layouts.edit.flat().map((field) => field.name);
    expect(fields.length).toBeGreaterThan(1);
    const without = fields.filter((name) => !(metadatas[name].edit.description ?? '').match(/^[A-Z"'(e].{10,}/));
    expect(without).toEqual([]);
  });
});
