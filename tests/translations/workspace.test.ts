import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { xliff12ToJs } from 'xliff';
import { createSuperAdmin } from '../helpers/credentials';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

/**
 * The translator's side panel (source beside the translation, the diff of an outdated field) and
 * the translation memory, over the admin API the panel calls, as the Translator (Khmer) role and as
 * a super admin; the memory's <alt-trans> in XLIFF exports, read with a CAT tool's reader.
 */

const PROJECT = 'api::project.project';
const run = crypto.randomUUID().slice(0, 8);
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const MEMORY_SENTENCE = `Community organisations in ward ${run} built three hundred and fifty drains.`;
const MEMORY_KHMER = `អង្គការសហគមន៍ក្នុងសង្កាត់ ${run} បានសាងសង់លូបង្ហូរទឹកបីរយហាសិប។`;

let app: Core.Strapi;
let admin: { id: number; jwt: string };
let translator: { id: number; jwt: string };
let readsEnglishOnly: { id: number; jwt: string; roleId: number };
const created: string[] = [];

const projects = () => app.documents(PROJECT);
const login = async (email: string, password: string) => (await http(app).post('/admin/login').send({ email, password })).body.data.token as string;
const makeUser = async (roleId: number) => {
  const email = `workspace-${crypto.randomUUID()}@example.org`;
  const password = `Aa1-${crypto.randomBytes(12).toString('hex')}`;
  const user = await app.service('admin::user').create({ email, firstname: 'Workspace', lastname: 'Test', password, isActive: true, registrationToken: null, roles: [roleId] });
  return { id: user.id as number, jwt: await login(email, password) };
};

const createProject = async (slug: string, data: Record<string, unknown>) => {
  const doc = await projects().create({ locale: 'en', data: { slug: `${slug}-${run}`, ...data }, status: 'published' } as never);
  created.push(doc.documentId);
  return doc.documentId as string;
};

const panel = (documentId: string, jwt = admin.jwt, query: Record<string, string> = {}) =>
  http(app)
    .get('/translations/workspace/source')
    .set('Authorization', `Bearer ${jwt}`)
    .query({ contentType: 'project', documentId, locale: 'km', ...query });
const memory = (documentId: string, query: Record<string, string> = {}, jwt = admin.jwt) =>
  http(app)
    .get('/translations/workspace/memory')
    .set('Authorization', `Bearer ${jwt}`)
    .query({ contentType: 'project', documentId, locale: 'km', ...query });
const fieldOf = (body: { data: { fields: Array<Record<string, any>> } }, name: string) => body.data.fields.find((field) => field.name === name)!;

beforeAll(async () => {
  app = await startStrapi();
  admin = await createSuperAdmin(app);
  const translatorRole = await app.db.query('admin::role').findOne({ where: { code: 'translator-km' } });
  translator = await makeUser(translatorRole.id);
  const role = await app.service('admin::role').create({ name: `English readers ${run}`, description: 'reads English only' });
  await app.service('admin::role').assignPermissions(role.id, [
    { action: 'plugin::content-manager.explorer.read', subject: PROJECT, properties: { locales: ['en'] }, conditions: [] },
  ]);
  readsEnglishOnly = { ...(await makeUser(role.id)), roleId: role.id };
});

afterAll(async () => {
  for (const documentId of created) await projects().delete({ documentId, locale: '*' });
  // The query engine, not the user service: the service refuses to delete the last super admin.
  for (const user of [admin, translator, readsEnglishOnly]) if (user?.id) await app.db.query('admin::user').delete({ where: { id: user.id } });
  if (readsEnglishOnly?.roleId) await app.service('admin::role').deleteByIds([readsEnglishOnly.roleId]);
  await stopStrapi(app);
});

describe('the side panel: the source beside the translation', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await createProject('workspace-panel', {
      title: 'Slum upgrading in Phnom Penh',
      summary: 'Community-led upgrading of informal settlements.',
      location: 'Phnom Penh',
      background: [paragraph('The city grew fast after 1993.'), paragraph('Many families lived along the railway.')],
      keyFigures: [{ value: 160, label: 'community organisations', qualifier: 'exact' }],
    });
    await projects().update({ documentId, locale: 'km', data: { title: 'ការកែលម្អតំបន់ក្រីក្រ', summary: 'ការកែលម្អ។' }, status: 'published' } as never);
  });

  it('gives every localized field of the source, rich text as blocks, components as texts', async () => {
    const res = await panel(documentId);
    expect(res.status).toBe(200);
    const { data } = res.body;
    expect(data).toMatchObject({ contentType: PROJECT, documentId, locale: 'km', sourceLocale: 'en', status: 'up-to-date', outdatedFields: [] });
    const localized = Object.entries(app.getModel(PROJECT).attributes)
      .filter(([, attribute]: [string, any]) => attribute.pluginOptions?.i18n?.localized && !['relation', 'media'].includes(attribute.type))
      .map(([name]) => name)
      .sort();
    expect(data.fields.map((field: { name: string }) => field.name).sort()).toEqual(localized);
    expect(fieldOf(res.body, 'title')).toEqual({ name: 'title', type: 'string', outdated: false, text: 'Slum upgrading in Phnom Penh' });
    expect(fieldOf(res.body, 'background').blocks).toEqual([paragraph('The city grew fast after 1993.'), paragraph('Many families lived along the railway.')]);
    expect(fieldOf(res.body, 'keyFigures').segments).toEqual([{ path: 'keyFigures/0/label', text: 'community organisations' }]);
    expect(fieldOf(res.body, 'background').diff).toBeUndefined();
  });

  it('shows a word diff of an outdated field, from the text the translation was made from', async () => {
    await projects().update({
      documentId,
      locale: 'en',
      data: { background: [paragraph('The city grew very fast after 1993.'), paragraph('Many families lived along the railway.')] },
    } as never);
    const res = await panel(documentId);
    expect(res.body.data.status).toBe('outdated');
    expect(res.body.data.outdatedFields).toEqual(['background']);
    const background = fieldOf(res.body, 'background');
    expect(background.outdated).toBe(true);
    expect(background.diff).toEqual([
      { op: 'equal', text: 'The city grew ' },
      { op: 'insert', text: 'very ' },
      { op: 'equal', text: 'fast after 1993.\nMany families lived along the railway.' },
    ]);
    expect(fieldOf(res.body, 'title').diff).toBeUndefined();

    // A second change still diffs against the text translated, not the previous edit.
    await projects().update({ documentId, locale: 'en', data: { background: [paragraph('The city grew very fast after 1991.')] } } as never);
    const again = fieldOf((await panel(documentId)).body, 'background');
    expect(again.diff).toEqual([
      { op: 'equal', text: 'The city grew ' },
      { op: 'insert', text: 'very ' },
      { op: 'equal', text: 'fast after ' },
      { op: 'delete', text: '1993.\nMany families lived along the railway.' },
      { op: 'insert', text: '1991.' },
    ]);
  });

  it('is cleared by "still correct", and by saving the translation after the next change', async () => {
    const confirm = await http(app)
      .post('/translations/status/still-correct')
      .set('Authorization', `Bearer ${admin.jwt}`)
      .send({ data: { contentType: 'project', documentId, locale: 'km' } });
    expect(confirm.status).toBe(200);
    let res = await panel(documentId);
    expect(res.body.data.status).toBe('up-to-date');
    expect(fieldOf(res.body, 'background')).toMatchObject({ outdated: false });
    expect(fieldOf(res.body, 'background').diff).toBeUndefined();

    await projects().update({ documentId, locale: 'en', data: { summary: 'Community-led upgrading of settlements.' } } as never);
    res = await panel(documentId);
    expect(fieldOf(res.body, 'summary').diff).toEqual([
      { op: 'equal', text: 'Community-led upgrading of ' },
      { op: 'delete', text: 'informal ' },
      { op: 'equal', text: 'settlements.' },
    ]);
    await projects().update({ documentId, locale: 'km', data: { summary: 'ការកែលម្អ ថ្មី។' } } as never);
    res = await panel(documentId);
    expect(res.body.data.outdatedFields).toEqual([]);
    expect(fieldOf(res.body, 'summary').diff).toBeUndefined();

    // The snapshot now holds the new text: the next change diffs against it.
    await projects().update({ documentId, locale: 'en', data: { summary: 'Community-led upgrading of all settlements.' } } as never);
    expect(fieldOf((await panel(documentId)).body, 'summary').diff).toEqual([
      { op: 'equal', text: 'Community-led upgrading of ' },
      { op: 'insert', text: 'all ' },
      { op: 'equal', text: 'settlements.' },
    ]);
  });

  it("answers the translator (who reads both locales), not a role that cannot read the translation's locale", async () => {
    expect((await panel(documentId, translator.jwt)).status).toBe(200);
    expectJsonError(await panel(documentId, readsEnglishOnly.jwt), 403, /may not read project in the locale "km"/);
    expect((await http(app).get('/translations/workspace/source').query({ contentType: 'project', documentId, locale: 'km' })).status).toBe(401);
  });

  it('refuses bad input with a 4xx JSON error', async () => {
    expectJsonError(await panel(documentId, admin.jwt, { contentType: 'nope' }), 400, /Unknown type "nope"/);
    expectJsonError(await panel(documentId, admin.jwt, { locale: 'en' }), 400, /locale must be one of km/);
    expectJsonError(await panel(documentId, admin.jwt, { locale: 'zz' }), 400, /locale/);
    expectJsonError(await panel('does-not-exist', admin.jwt), 404, /No project "does-not-exist"/);
    expectJsonError(await panel(documentId, admin.jwt, { extra: '1' }), 400, /Unknown parameter "extra"/);
    expectJsonError(await memory(documentId, { drafts: 'maybe' }), 400, /drafts must be true or false/);
  });
});

describe('the translation memory', () => {
  let translatedDoc: string;
  let draftOnlyDoc: string;
  let newDoc: string;
  beforeAll(async () => {
    translatedDoc = await createProject('workspace-tm-source', { title: `Drains ${run}`, background: [paragraph(`${MEMORY_SENTENCE} The work took two years.`)] });
    await projects().update({
      documentId: translatedDoc,
      locale: 'km',
      data: { title: `លូ ${run}`, background: [paragraph(`${MEMORY_KHMER} ការងារនេះចំណាយពេលពីរឆ្នាំ។`)] },
      status: 'published',
    } as never);
    draftOnlyDoc = await createProject('workspace-tm-draft', { title: `Water points in ward ${run} were repaired by the community last year.` });
    await projects().update({ documentId: draftOnlyDoc, locale: 'km', data: { title: `ចំណុចទឹក ${run} (សេចក្តីព្រាង)` } } as never);
    newDoc = await createProject('workspace-tm-new', {
      title: `New drains ${run}`,
      summary: `Water points in ward ${run} were repaired by the community last year.`,
      background: [paragraph(`Since 2004 the city has grown. ${MEMORY_SENTENCE}`), paragraph(`Community organisations in ward ${run} built three hundred and fifty latrines.`)],
    });
  });

  it('offers an exact match for a sentence translated in another document, and a near match with its score', async () => {
    const res = await memory(newDoc, {}, translator.jwt);
    expect(res.status).toBe(200);
    const exact = res.body.data.find((text: { sourceText: string }) => text.sourceText === MEMORY_SENTENCE);
    expect(exact).toMatchObject({ field: 'background', path: 'background/0#1' });
    expect(exact.matches[0]).toEqual({ sourceText: MEMORY_SENTENCE, targetText: MEMORY_KHMER, score: 100, published: true, contentType: PROJECT, documentId: translatedDoc });
    const near = res.body.data.find((text: { path: string }) => text.path === 'background/1');
    expect(near.matches[0].targetText).toBe(MEMORY_KHMER);
    expect(near.matches[0].score).toBeGreaterThanOrEqual(70);
    expect(near.matches[0].score).toBeLessThan(100);
  });

  it('offers a draft-only translation only when asked', async () => {
    const summaryMatches = (body: { data: Array<{ path: string; matches: Array<{ documentId: string }> }> }) =>
      body.data.find((text) => text.path === 'summary')?.matches ?? [];
    expect(summaryMatches((await memory(newDoc)).body)).toEqual([]);
    const withDrafts = summaryMatches((await memory(newDoc, { drafts: 'true' })).body);
    expect(withDrafts[0]).toMatchObject({ documentId: draftOnlyDoc, score: 100, published: false });
    // Published, it is offered without asking.
    await projects().publish({ documentId: draftOnlyDoc, locale: 'km' });
    expect(summaryMatches((await memory(newDoc)).body)[0]).toMatchObject({ documentId: draftOnlyDoc, published: true });
  });

  it('forgets a translation that changed, and never offers a document its own translation', async () => {
    await projects().update({ documentId: translatedDoc, locale: 'km', data: { background: [paragraph('ផ្សេងទៀត។')] }, status: 'published' } as never);
    const res = await memory(newDoc);
    expect(res.body.data.find((text: { sourceText: string }) => text.sourceText === MEMORY_SENTENCE)).toBeUndefined();
    await projects().update({
      documentId: translatedDoc,
      locale: 'km',
      data: { background: [paragraph(`${MEMORY_KHMER} ការងារនេះចំណាយពេលពីរឆ្នាំ។`)] },
      status: 'published',
    } as never);
    const own = await memory(translatedDoc);
    expect(own.body.data.flatMap((text: { matches: Array<{ documentId: string }> }) => text.matches).filter((m: { documentId: string }) => m.documentId === translatedDoc)).toEqual([]);
  });

  it('is rebuilt from scratch by the rebuild command (service) with the same matches', async () => {
    const before = (await memory(newDoc)).body.data;
    const documents = await app.plugin('translations').service('memory').rebuild();
    expect(documents).toBeGreaterThan(0);
    expect((await memory(newDoc)).body.data).toEqual(before);
  });

  it('writes matches into XLIFF exports as <alt-trans>, which a CAT tool reader sees', async () => {
    const res = await http(app).get('/translations/xliff').set('Authorization', `Bearer ${admin.jwt}`).query({ locale: 'km', document: newDoc, type: 'project' });
    expect(res.status).toBe(200);
    const xml = res.text;
    expect(xml).toContain('<alt-trans match-quality="100%" origin="habitat-cms-tm">');
    const parsed = await xliff12ToJs(xml);
    const units = parsed.resources[`${PROJECT}/${newDoc}`] as Record<string, { source: unknown; additionalElements?: Array<Record<string, any>> }>;
    const altTrans = Object.values(units).flatMap((unit) => (unit.additionalElements ?? []).filter((element) => element.name === 'alt-trans'));
    const texts = altTrans.map((element) => ({
      quality: element.attributes['match-quality'],
      target: element.elements.find((child: { name: string }) => child.name === 'target').elements[0].text,
    }));
    expect(texts).toEqual(expect.arrayContaining([{ quality: expect.stringMatching(/^\d+%$/), target: MEMORY_KHMER }]));
  });
});

describe('snapshots from XLIFF imports', () => {
  it('records the source an imported translation was made from', async () => {
    const documentId = await createProject('workspace-xliff', { title: 'Imported title', summary: 'Imported summary.' });
    const exported = await http(app).get('/translations/xliff').set('Authorization', `Bearer ${admin.jwt}`).query({ locale: 'km', document: documentId, type: 'project' });
    const translated = exported.text.replace(/<target state="needs-translation"><\/target>/g, '<target state="translated">ខ្មែរ</target>');
    const imported = await http(app)
      .post('/translations/xliff')
      .set('Authorization', `Bearer ${admin.jwt}`)
      .attach('files', Buffer.from(translated), { filename: 'workspace-km.xlf', contentType: 'application/x-xliff+xml' });
    expect(imported.status).toBe(200);
    await projects().update({ documentId, locale: 'en', data: { summary: 'Imported summary, changed.' } } as never);
    const res = await panel(documentId);
    expect(fieldOf(res.body, 'summary').diff).toEqual([
      { op: 'equal', text: 'Imported ' },
      { op: 'delete', text: 'summary.' },
      { op: 'insert', text: 'summary, changed.' },
    ]);
  });
});

describe('shared fields of a new version, for a translator', () => {
  it('may be shown (the role may create them) and are taken from the source whatever the form sends', async () => {
    const role = await app.db.query('admin::role').findOne({ where: { code: 'translator-km' }, populate: ['permissions'] });
    const create = role.permissions.find((p: { action: string; subject: string }) => p.action === 'plugin::content-manager.explorer.create' && p.subject === PROJECT);
    expect(create.properties.locales).toEqual(['km']);
    expect(create.properties.fields).toEqual(expect.arrayContaining(['slug', 'startYear', 'cover']));

    const documentId = await createProject('workspace-shared', { title: 'Shared fields', startYear: 2004 });
    const res = await http(app)
      .put(`/content-manager/collection-types/${PROJECT}/${documentId}`)
      .query({ locale: 'km' })
      .set('Authorization', `Bearer ${translator.jwt}`)
      .send({ title: 'វាលរួម', slug: `changed-by-a-translator-${run}`, startYear: 1999 });
    expect(res.status).toBe(200);
    for (const locale of ['en', 'km']) {
      const version = await projects().findOne({ documentId, locale } as never);
      expect(version).toMatchObject({ slug: `workspace-shared-${run}`, startYear: 2004 });
    }
  });
});
