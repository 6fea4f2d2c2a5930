import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const CM = `/content-manager/collection-types/${PROJECT}`;
const PASSWORD = 'Status-Test-1234';

let app: Core.Strapi;
const users: number[] = [];
const created: string[] = [];

const signIn = async (roleCode: string): Promise<Record<string, string>> => {
  const role = await app.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `status-${roleCode}-${Date.now()}@example.org`;
  const user = await app.service('admin::user').create({
    email, firstname: 'Status', lastname: 'Test', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id],
  });
  users.push(user.id);
  const login = await http(app).post('/admin/login').send({ email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { Authorization: `Bearer ${login.body.data.token}` };
};

const stored = (documentId: string, locale: string, status: 'draft' | 'published' = 'draft') =>
  app.documents(PROJECT).findOne({ documentId, locale, status } as never) as Promise<{ status: string; title: string } | null>;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  for (const documentId of created) await app.documents(PROJECT).delete({ documentId, locale: '*' });
  for (const id of users) await app.db.query('admin::user').delete({ where: { id } });
  await stopStrapi(app);
});

describe("a project's own status attribute in the admin panel", () => {
  let editor: Record<string, string>;
  let documentId: string;

  beforeAll(async () => {
    editor = await signIn('strapi-super-admin');
  });

  it('is saved when an editor (here a Super Admin) creates a project (Strapi alone answers 400 "Invalid status")', async () => {
    const res = await http(app).post(CM).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'planned' });
    expect(res.status).toBe(201);
    documentId = res.body.data.documentId;
    created.push(documentId);
    expect((await stored(documentId, 'en'))?.status).toBe('planned');
  });

  it('is saved when the editor publishes with a changed value', async () => {
    const res = await http(app).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'completed' });
    expect(res.status).toBe(200);
    expect((await stored(documentId, 'en', 'published'))?.status).toBe('completed');
    const api = await http(app).get('/api/projects').query({ locale: 'en', 'filters[slug][$eq]': 'status-attribute-test' });
    expect(api.body.data.map((p: { status: string }) => p.status)).toEqual(['completed']);
  });

  it('is not changed from a Khmer version by a translator (a shared field they may not edit)', async () => {
    const translator = await signIn('translator-km');
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'km' }).set(translator)
      .send({ title: 'សាកល្បង​ស្ថានភាព', status: 'ongoing' });
    expect(res.status).toBe(200);
    expect((await stored(documentId, 'km'))?.title).toBe('សាកល្បង​ស្ថានភាព');
    expect((await stored(documentId, 'en'))?.status).toBe('completed');
    expect((await stored(documentId, 'km'))?.status).toBe('completed');
  });

  it('still rejects a nonsense value with a 400 and changes nothing', async () => {
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale: 'en' }).set(editor)
      .send({ title: 'Status attribute test', slug: 'status-attribute-test', status: 'finished-maybe' });
    expect(res.status).toBe(400);
    expect((await stored(documentId, 'en'))?.status).toBe('completed');
  });
});

/**
 * What the edit view does: it builds its form from the schema the content-manager gives it and
 * from the document (or, for a locale that does not exist yet, from the shared fields of
 * `meta.availableLocales[0]`), refuses to save an enumeration whose value is not one of its
 * values, and sends the form back.
 */
describe("a project's own status attribute in the edit view, English and Khmer", () => {
  type Form = Record<string, unknown>;
  let statusField: string;
  let values: string[];

  const editView = async (auth: Record<string, string>, documentId: string, locale: string): Promise<Form> => {
    const res = await http(app).get(`${CM}/${documentId}`).query({ locale }).set(auth);
    expect(res.status).toBe(200);
    const source = res.body.data.id ? res.body.data : res.body.meta.availableLocales[0];
    const form: Form = { [statusField]: source[statusField] ?? null };
    if (res.body.data.id) Object.assign(form, { title: source.title, slug: source.slug });
    return form;
  };
  const save = async (auth: Record<string, string>, documentId: string, locale: string, form: Form) => {
    // The form's own validation (yup oneOf: the enumeration's values or nothing).
    expect([...values, null]).toContain(form[statusField]);
    const res = await http(app).put(`${CM}/${documentId}`).query({ locale }).set(auth).send(form);
    expect(res.status).toBe(200);
    expect(res.body.data[statusField]).toBe(form[statusField]);
    return res;
  };
  const storedStatus = async (documentId: string) => ({
    en: (await stored(documentId, 'en'))?.status,
    km: (await stored(documentId, 'km'))?.status,
  });

  beforeAll(async () => {
    const admin = await signIn('strapi-super-admin');
    const init = await http(app).get('/content-manager/init').set(admin);
    const schema = init.body.data.contentTypes.find((type: { uid: string }) => type.uid === PROJECT);
    [statusField] = Object.entries(schema.attributes as Record<string, { enum?: string[] }>).find(([, attribute]) => attribute.enum?.includes('planned'))!;
    values = schema.attributes[statusField].enum;
  });

  const createEnglish = async (auth: Record<string, string>, slug: string): Promise<string> => {
    const res = await http(app).post(CM).query({ locale: 'en' }).set(auth).send({ title: slug, slug, [statusField]: 'ongoing' });
    expect(res.status).toBe(201);
    created.push(res.body.data.documentId);
    // The edit view's badge and buttons still read the draft/published state under `status`.
    expect(res.body.data.status).toBe('draft');
    const published = await http(app).post(`${CM}/${res.body.data.documentId}/actions/publish`).query({ locale: 'en' }).set(auth)
      .send({ ...(await editView(auth, res.body.data.documentId, 'en')) });
    expect(published.status).toBe(200);
    expect(published.body.data.status).toBe('published');
    expect(published.body.data[statusField]).toBe('ongoing');
    return res.body.data.documentId;
  };

  it('names the attribute apart from the draft/published state, for the form and for the permissions', async () => {
    expect(statusField).not.toBe('status');
    expect(values).toEqual(['planned', 'ongoing', 'completed']);
    const translator = await signIn('translator-km');
    const permissions = await http(app).get('/admin/users/me/permissions').set(translator);
    const read = permissions.body.data.find((p: { action: string; subject: string }) => p.action === 'plugin::content-manager.explorer.read' && p.subject === PROJECT);
    expect(read.properties.fields).toEqual(expect.arrayContaining(['status', statusField]));
    const update = permissions.body.data.find((p: { action: string; subject: string }) => p.action === 'plugin::content-manager.explorer.update' && p.subject === PROJECT);
    expect(update.properties.fields).not.toContain(statusField);
    const configuration = await http(app).get(`/content-manager/content-types/${PROJECT}/configuration`).set(translator);
    expect(configuration.body.data.contentType.metadatas[statusField].edit.label).toBeDefined();
    expect(configuration.body.data.contentType.metadatas.status).toBeUndefined();
    expect(JSON.stringify(configuration.body.data.contentType.layouts.edit)).toContain(`"${statusField}"`);
  });

  it('lets a translator create and then update the Khmer version; the value stays in both locales', async () => {
    const editor = await signIn('strapi-super-admin');
    const translator = await signIn('translator-km');
    const documentId = await createEnglish(editor, 'status-edit-view-translator');

    const newLocale = await editView(translator, documentId, 'km');
    expect(newLocale[statusField]).toBe('ongoing');
    await save(translator, documentId, 'km', { ...newLocale, title: 'គម្រោង​សាកល្បង' });
    expect(await storedStatus(documentId)).toEqual({ en: 'ongoing', km: 'ongoing' });

    const existing = await editView(translator, documentId, 'km');
    expect(existing).toMatchObject({ title: 'គម្រោង​សាកល្បង', [statusField]: 'ongoing' });
    await save(translator, documentId, 'km', { ...existing, title: 'គម្រោង​សាកល្បង​ថ្មី' });
    const published = await http(app).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'km' }).set(translator)
      .send(await editView(translator, documentId, 'km'));
    expect(published.status).toBe(200);
    expect(await storedStatus(documentId)).toEqual({ en: 'ongoing', km: 'ongoing' });
    const api = await http(app).get('/api/projects').query({ locale: 'km', 'filters[documentId][$eq]': documentId });
    expect(api.body.data).toEqual([expect.objectContaining({ title: 'គម្រោង​សាកល្បង​ថ្មី', status: 'ongoing' })]);
  });

  it('lets an editor create the Khmer version and change the shared value from it; both locales follow', async () => {
    const editor = await signIn('strapi-super-admin');
    const documentId = await createEnglish(editor, 'status-edit-view-editor');

    await save(editor, documentId, 'km', { ...(await editView(editor, documentId, 'km')), title: 'គម្រោង' });
    expect(await storedStatus(documentId)).toEqual({ en: 'ongoing', km: 'ongoing' });
    await save(editor, documentId, 'km', { ...(await editView(editor, documentId, 'km')), [statusField]: 'completed' });
    expect(await storedStatus(documentId)).toEqual({ en: 'completed', km: 'completed' });
    const english = await editView(editor, documentId, 'en');
    expect(english[statusField]).toBe('completed');
  });

  it('shows the value in the list view and filters on it', async () => {
    const editor = await signIn('strapi-super-admin');
    const res = await http(app).get(CM).set(editor)
      .query({ locale: 'en', [`filters[$and][0][${statusField}][$eq]`]: 'completed', 'filters[$and][1][slug][$eq]': 'status-edit-view-editor' });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ slug: 'status-edit-view-editor', [statusField]: 'completed' })]);
    expect(['draft', 'published', 'modified']).toContain(res.body.results[0].status);

    // Before a bulk publish, the list view validates the documents against the schema it knows.
    const bulk = await http(app).post(`${CM}/actions/bulkFindForValidation`).set(editor)
      .send({ documentIds: [res.body.results[0].documentId], locale: 'en' });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([expect.objectContaining({ [statusField]: 'completed' })]);
  });
});
