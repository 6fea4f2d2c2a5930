import path from 'path';
import type { Core } from '@strapi/strapi';
import { distDir } from '../helpers/environment';
import { signInWithRole } from '../helpers/credentials';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const CM = `/content-manager/collection-types/${PROJECT}`;

let app: Core.Strapi;
let jwt: string;
let userId: number;
let englishOnly: string;
let translated: string;
const created: string[] = [];

const role = () => app.db.query('admin::role').findOne({ where: { code: 'translator-km' }, populate: ['permissions'] });

beforeAll(async () => {
  app = await startStrapi();
  const translator = await signInWithRole(app, 'translator-km');
  userId = translator.id;
  jwt = translator.jwt;

  // Fixtures of our own, so that this file never changes demo content.
  const projects = app.documents(PROJECT);
  const cambodia = await app.db.query('api::country.country').findOne({ where: { slug: 'cambodia', locale: 'en' } });
  const a = await projects.create({
    locale: 'en',
    data: { title: 'Role test, English only', slug: 'role-test-english-only', projectStatus: 'ongoing', startYear: 2001, countries: [cambodia.documentId] },
    status: 'published',
  } as never);
  const b = await projects.create({ locale: 'en', data: { title: 'Role test, translated', slug: 'role-test-translated', projectStatus: 'ongoing' }, status: 'published' } as never);
  await projects.update({ documentId: b.documentId, locale: 'km', data: { title: 'សាកល្បង', slug: 'role-test-translated' }, status: 'published' } as never);
  englishOnly = a.documentId;
  translated = b.documentId;
  created.push(englishOnly, translated);
});

afterAll(async () => {
  for (const documentId of created) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  if (userId) await app.db.query('admin::user').delete({ where: { id: userId } });
  await stopStrapi(app);
});

const as = () => ({ Authorization: `Bearer ${jwt}` });
/** As the Translations page sends a file: multipart, in the field "files". */
const uploadXliff = (xml: string) => http(app).post('/translations/xliff').set(as()).attach('files', Buffer.from(xml), 'translation.xlf');
const englishTitle = async (documentId: string) =>
  (await app.documents(PROJECT).findOne({ documentId, locale: 'en' } as never))?.title;

describe('the "Translator (Khmer)" role', () => {
  it('exists after the first start, with no permission to delete and writes limited to km', async () => {
    const { name, permissions } = await role();
    expect(name).toBe('Translator (Khmer)');
    const actions = new Set(permissions.map((p: { action: string }) => p.action));
    expect(actions.has('plugin::content-manager.explorer.delete')).toBe(false);
    for (const permission of permissions.filter((p: { action: string }) => /explorer\.(create|update|publish)$/.test(p.action))) {
      expect(permission.properties.locales).toEqual(['km']);
    }
  });

  it('leaves the default roles to a first start, so that the first administrator can register', async () => {
    const codes = (await app.db.query('admin::role').findMany()).map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['strapi-super-admin', 'strapi-editor', 'strapi-author', 'translator-km']));
  });

  it('reads content in every locale', async () => {
    for (const locale of ['en', 'km']) {
      const res = await http(app).get(CM).query({ locale }).set(as());
      expect(res.status).toBe(200);
      expect(res.body.results.length).toBeGreaterThan(0);
    }
  });

  it('creates the Khmer version of an English-only document', async () => {
    const res = await http(app).put(`${CM}/${englishOnly}`).query({ locale: 'km' }).set(as()).send({ title: 'គម្រោងថ្មី' });
    expect(res.status).toBe(200);
    expect(res.body.data.locale).toBe('km');
    const km = await app.documents(PROJECT).findOne({ documentId: englishOnly, locale: 'km', populate: ['countries'] } as never);
    expect(km?.title).toBe('គម្រោងថ្មី');
    // Shared fields and relations come from the English version (the translator may not set them).
    expect(km?.slug).toBe('role-test-english-only');
    expect(km?.startYear).toBe(2001);
    expect((km as any)?.countries.map((c: { slug: string; locale: string }) => [c.slug, c.locale])).toEqual([['cambodia', 'km']]);
  });

  it('may not change the links of the Khmer version (they are shared with English)', async () => {
    const [cambodia] = await app.db.query('api::country.country').findMany({ where: { slug: 'cambodia', locale: 'km' }, select: ['documentId'], limit: 1 });
    const linked = async (locale: string) =>
      ((await app.documents(PROJECT).findOne({ documentId: englishOnly, locale, populate: ['countries'] } as never)) as any).countries.map((c: { slug: string }) => c.slug);
    const res = await http(app)
      .put(`${CM}/${englishOnly}`)
      .query({ locale: 'km' })
      .set(as())
      .send({ title: 'គម្រោងថ្មី ២', countries: { connect: [], disconnect: [{ documentId: cambodia.documentId, locale: 'km' }] } });
    expect([200, 403]).toContain(res.status);
    expect(await linked('km')).toEqual(['cambodia']);
    expect(await linked('en')).toEqual(['cambodia']);
  });

  it('updates and publishes the Khmer version', async () => {
    const update = await http(app).put(`${CM}/${translated}`).query({ locale: 'km' }).set(as()).send({ title: 'សាកល្បង ២' });
    expect(update.status).toBe(200);
    const publish = await http(app).post(`${CM}/${translated}/actions/publish`).query({ locale: 'km' }).set(as()).send({});
    expect(publish.status).toBe(200);
    const published = await app.documents(PROJECT).findOne({ documentId: translated, locale: 'km', status: 'published' } as never);
    expect(published?.title).toBe('សាកល្បង ២');
  });

  it('cannot edit, publish or create anything in English', async () => {
    const update = await http(app).put(`${CM}/${translated}`).query({ locale: 'en' }).set(as()).send({ title: 'Changed by a translator' });
    expect(update.status).toBe(403);
    const publish = await http(app).post(`${CM}/${translated}/actions/publish`).query({ locale: 'en' }).set(as()).send({});
    expect(publish.status).toBe(403);
    const themes = '/content-manager/collection-types/api::theme.theme';
    const create = await http(app).post(themes).query({ locale: 'en' }).set(as()).send({ name: 'Role test theme', slug: 'role-test-theme' });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/may not create content in the locale "en"/);
    expect(await app.db.query('api::theme.theme').count({ where: { slug: 'role-test-theme' } })).toBe(0);
    expect(await englishTitle(translated)).toBe('Role test, translated');
  });

  it('cannot add an English version to a document that has only Khmer (the content manager checks "create" without the locale there)', async () => {
    const themes = '/content-manager/collection-types/api::theme.theme';
    const khmer = await http(app).post(themes).query({ locale: 'km' }).set(as()).send({ name: 'ប្រធានបទ', slug: 'role-test-khmer-only-theme' });
    expect(khmer.status).toBe(201);
    const documentId = khmer.body.data.documentId as string;
    try {
      const english = await http(app).put(`${themes}/${documentId}`).query({ locale: 'en' }).set(as()).send({ name: 'Written by a translator' });
      expect(english.status).toBe(403);
      expect(english.body.error.message).toMatch(/may not create content in the locale "en"/);
      expect(await app.db.query('api::theme.theme').count({ where: { documentId, locale: 'en' } })).toBe(0);
    } finally {
      await app.documents('api::theme.theme').delete({ documentId, locale: '*' } as never);
    }
  });

  it('cannot change shared fields through the Khmer version (they would change English too)', async () => {
    const res = await http(app).put(`${CM}/${translated}`).query({ locale: 'km' }).set(as()).send({ title: 'សាកល្បង ៣', startYear: 1999 });
    expect([200, 403]).toContain(res.status);
    const english = await app.documents(PROJECT).findOne({ documentId: translated, locale: 'en' } as never);
    expect(english?.startYear).not.toBe(1999);
  });

  it('never deletes, in any locale', async () => {
    for (const locale of ['km', 'en']) {
      const res = await http(app).delete(`${CM}/${translated}`).query({ locale }).set(as());
      expect(res.status).toBe(403);
    }
    expect(await app.documents(PROJECT).findOne({ documentId: translated, locale: 'km' } as never)).not.toBeNull();
  });

  it('can see the translation status in the admin panel route', async () => {
    const res = await http(app).get('/translations/status').query({ locale: 'km', status: 'missing' }).set(as());
    expect(res.status).toBe(200);
    expect(res.body.meta.summary[PROJECT].missing).toBeGreaterThan(0);
    expect((await http(app).get('/translations/status')).status).toBe(401);
  });

  it('downloads and uploads XLIFF from the Translations page (admin routes), as Khmer drafts', async () => {
    const download = await http(app).get('/translations/xliff').query({ locale: 'km', type: 'project', document: translated }).set(as());
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/application\/x-xliff\+xml/);
    expect(download.headers['content-disposition']).toMatch(/attachment; filename="habitat-km-project-all-.*\.xlf"/);
    const xml = download.text;
    expect(xml).toContain(`original="${PROJECT}/${translated}"`);

    const wrongLanguage = await uploadXliff(xml.replace('target-language="km"', 'target-language="th"'));
    expect(wrongLanguage.status).toBe(400);
    expect(wrongLanguage.body.error.details.problems).toEqual([expect.stringMatching(/another target language \("th"\)/)]);

    // The Khmer version exists: its texts are already in the targets; change the title's.
    const title = /<source>Role test, translated<\/source>\s*<target state="translated">([^<]+)<\/target>/;
    expect(xml).toMatch(title);
    const filled = xml.replace(title, (unit, current: string) => unit.replace(current, 'សាកល្បង XLIFF'));
    const upload = await uploadXliff(filled);
    expect(upload.status).toBe(200);
    expect(upload.body.data).toEqual(expect.objectContaining({ documents: 1, updated: 1, created: 0 }));
    const draft = await app.documents(PROJECT).findOne({ documentId: translated, locale: 'km' } as never);
    expect(draft?.title).toBe('សាកល្បង XLIFF');
    const published = await app.documents(PROJECT).findOne({ documentId: translated, locale: 'km', status: 'published' } as never);
    expect(published?.title).not.toBe('សាកល្បង XLIFF');
  });

  it('may not upload a file into English (the source language is no translation target: 400, nothing written)', async () => {
    const xml = (await http(app).get('/translations/xliff').query({ locale: 'km', type: 'project', document: translated }).set(as())).text;
    const res = await uploadXliff(xml.replace('target-language="km"', 'target-language="en"'));
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([expect.stringMatching(/another target language \("en"\)/)]);
    expect(await englishTitle(translated)).toBe('Role test, translated');
  });

  it('is never overwritten: a later start keeps an administrator\'s changes', async () => {
    const { ensureTranslatorRole } = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'translator-role'));
    const before = await role();
    await app.db.query('admin::role').update({ where: { id: before.id }, data: { description: 'Edited by an administrator' } });
    try {
      await ensureTranslatorRole(app);
      const after = await role();
      expect(after.description).toBe('Edited by an administrator');
      expect(after.permissions.length).toBe(before.permissions.length);
    } finally {
      await app.db.query('admin::role').update({ where: { id: before.id }, data: { description: before.description } });
    }
  });
});
