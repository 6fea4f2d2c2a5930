import path from 'path';
import type { Core } from '@strapi/strapi';
import { distDir } from '../helpers/environment';
import { tokenAndSuperAdmin } from '../helpers/credentials';
import { http } from '../helpers/http';
import { runScript } from '../helpers/scripts';
import { startStrapi, stopStrapi } from '../helpers/strapi';

/**
 * Shared relations (issue 21): a link made, removed or reordered in one locale is made in every
 * other, pointing at the related document's version there; drafts at once, published versions on
 * publish; a related document without a version in a locale is a pending link there, listed and
 * made once it is translated; a drift report finds and repairs locales that disagree.
 */

const PROJECT = 'api::project.project';
const PARTNER = 'api::partner.partner';
const CM = `/content-manager/collection-types/${PROJECT}`;

type Links = { draft: Record<string, string[]>; published: Record<string, string[]> };
type Drift = { uid: string; documentId: string; locale: string; status: string; field: string; expected: string[]; actual: string[] };
type SharedRelationsService = { drift(options?: { repair?: boolean }): Promise<Drift[]> };

let app: Core.Strapi;
let token: string;
let admin: { id: number; jwt: string };
let removeCredentials: () => Promise<void>;
const created: Array<[string, string]> = [];

beforeAll(async () => {
  app = await startStrapi();
  ({ token, admin, remove: removeCredentials } = await tokenAndSuperAdmin(app));
});

afterAll(async () => {
  for (const [uid, documentId] of created.reverse()) await app.documents(uid as never).delete({ documentId, locale: '*' } as never);
  await removeCredentials();
  await stopStrapi(app);
});

let counter = 0;
const unique = (name: string) => `${name}-${process.pid}-${++counter}`;

/** A published partner in English, and in Khmer unless `englishOnly`. */
const makePartner = async (name: string, { englishOnly = false } = {}): Promise<string> => {
  const slug = unique(name);
  const en = await app.documents(PARTNER).create({ locale: 'en', status: 'published', data: { name: `Partner ${slug}`, slug, kind: 'ngo' } as never });
  created.push([PARTNER, en.documentId]);
  if (!englishOnly) await translatePartner(en.documentId);
  return en.documentId;
};
const translatePartner = (documentId: string) =>
  app.documents(PARTNER).update({ documentId, locale: 'km', status: 'published', data: { name: `ដៃគូ ${documentId}` } as never });

/** A published project in English, and in Khmer unless `englishOnly`. */
const makeProject = async (name: string, { englishOnly = false, data = {} }: { englishOnly?: boolean; data?: Record<string, unknown> } = {}): Promise<string> => {
  const slug = unique(name);
  const en = await app.documents(PROJECT).create({ locale: 'en', status: 'published', data: { title: `Project ${slug}`, slug, projectStatus: 'ongoing', ...data } as never });
  created.push([PROJECT, en.documentId]);
  if (!englishOnly) await app.documents(PROJECT).update({ documentId: en.documentId, locale: 'km', status: 'published', data: { title: `គម្រោង ${slug}` } as never });
  return en.documentId;
};

/**
 * Every version's partners, in order, by status and locale. A link to another locale's version of
 * a partner would show as "<documentId>@<locale>" (and fail the comparisons).
 */
const partners = async (documentId: string): Promise<Links> => {
  const rows = (await app.db.query(PROJECT).findMany({
    where: { documentId },
    populate: { partners: { select: ['documentId', 'locale'] } },
  })) as Array<{ locale: string; publishedAt: unknown; partners: Array<{ documentId: string; locale: string }> }>;
  const links: Links = { draft: {}, published: {} };
  for (const row of rows) {
    links[row.publishedAt ? 'published' : 'draft'][row.locale] = row.partners.map((p) => (p.locale === row.locale ? p.documentId : `${p.documentId}@${p.locale}`));
  }
  return links;
};
const everywhere = (ids: string[]): Links => ({ draft: { en: ids, km: ids }, published: { en: ids, km: ids } });

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const restWrite = async (documentId: string, locale: string, data: Record<string, unknown>) => {
  const res = await http(app).put(`/api/projects/${documentId}`).query({ locale }).set(bearer(token)).send({ data });
  expect(res.status).toBe(200);
};
const cmSave = async (documentId: string, locale: string, data: Record<string, unknown>) => {
  const res = await http(app).put(`${CM}/${documentId}`).query({ locale }).set(bearer(admin.jwt)).send(data);
  expect(res.status).toBe(200);
};
const cmPublish = async (documentId: string, locale: string) => {
  const res = await http(app).post(`${CM}/${documentId}/actions/publish`).query({ locale }).set(bearer(admin.jwt)).send({});
  expect(res.status).toBe(200);
};
const ref = (documentId: string, locale: string) => ({ documentId, locale });

describe('a change in one locale is made in every other', () => {
  let p1: string;
  let p2: string;
  let project: string;
  beforeAll(async () => {
    [p1, p2] = [await makePartner('shared-p1'), await makePartner('shared-p2')];
    project = await makeProject('shared-relations');
  });

  it('connect a partner in English (content manager): the Khmer draft links its Khmer version; published versions follow the publish', async () => {
    await cmSave(project, 'en', { partners: { connect: [{ ...ref(p1, 'en'), position: { end: true } }], disconnect: [] } });
    expect(await partners(project)).toEqual({ draft: { en: [p1], km: [p1] }, published: { en: [], km: [] } });
    await cmPublish(project, 'en');
    expect(await partners(project)).toEqual(everywhere([p1]));
  });

  it('disconnect in Khmer (content manager): gone from the English draft; the Khmer publish reaches the English published version', async () => {
    await cmSave(project, 'km', { partners: { connect: [], disconnect: [ref(p1, 'km')] } });
    expect(await partners(project)).toEqual({ draft: { en: [], km: [] }, published: { en: [p1], km: [p1] } });
    await cmPublish(project, 'km');
    expect(await partners(project)).toEqual(everywhere([]));
  });

  it('REST (save and publish): connect two in English, then reorder them in Khmer', async () => {
    await restWrite(project, 'en', { partners: { connect: [p1, p2] } });
    expect(await partners(project)).toEqual(everywhere([p1, p2]));
    await restWrite(project, 'km', { partners: { set: [p2, p1] } });
    expect(await partners(project)).toEqual(everywhere([p2, p1]));
  });

  it("a Khmer publish that changes no link keeps the English editor's unpublished change", async () => {
    await cmSave(project, 'en', { partners: { connect: [], disconnect: [ref(p2, 'en')] } });
    await cmSave(project, 'km', { title: 'គម្រោង កែ' });
    await cmPublish(project, 'km');
    const links = await partners(project);
    expect(links.draft).toEqual({ en: [p1], km: [p1] });
    // The Khmer publish brought the Khmer draft's links (the editor's change) to every published version.
    expect(links.published).toEqual({ en: [p1], km: [p1] });
  });

  it('discarding the Khmer draft keeps its links (they are the document’s)', async () => {
    await cmSave(project, 'en', { partners: { connect: [ref(p2, 'en')], disconnect: [] } });
    const discard = await http(app).post(`${CM}/${project}/actions/discard`).query({ locale: 'km' }).set(bearer(admin.jwt)).send({});
    expect(discard.status).toBe(200);
    expect((await partners(project)).draft).toEqual({ en: [p1, p2], km: [p1, p2] });
  });

  it('the other relations are shared too: a country connected in English is linked in Khmer', async () => {
    const [country] = (await app.db.query('api::country.country').findMany({ where: { locale: 'km' }, select: ['documentId'], limit: 1 })) as Array<{ documentId: string }>;
    await restWrite(project, 'en', { countries: { connect: [country.documentId] } });
    const km = (await app.documents(PROJECT).findOne({ documentId: project, locale: 'km', status: 'published', populate: { countries: true } } as never)) as unknown as {
      countries: Array<{ documentId: string; locale: string }>;
    };
    expect(km.countries.map((c) => [c.documentId, c.locale])).toEqual([[country.documentId, 'km']]);
  });
});

describe('what the content manager shows and sends', () => {
  it("a Khmer draft with unpublished changes stays modified when an English publish changes the Khmer published version's links", async () => {
    const p1 = await makePartner('modified-p1');
    const project = await makeProject('modified');
    await cmSave(project, 'km', { title: 'គម្រោង មិនទាន់ផ្សព្វផ្សាយ' });
    await restWrite(project, 'en', { partners: { connect: [p1] } });
    expect((await partners(project)).published.km).toEqual([p1]);
    const rows = (await app.db.query(PROJECT).findMany({ where: { documentId: project, locale: 'km' }, select: ['updatedAt', 'publishedAt'] })) as Array<{ updatedAt: string; publishedAt: unknown }>;
    const [draft, published] = [rows.find((row) => !row.publishedAt)!, rows.find((row) => row.publishedAt)!];
    expect(new Date(draft.updatedAt).getTime()).toBeGreaterThan(new Date(published.updatedAt).getTime());
    const view = await http(app).get(`${CM}/${project}`).query({ locale: 'km' }).set(bearer(admin.jwt));
    expect(view.status).toBe(200);
    expect(view.body.data.status).toBe('modified');
  });

  it('a new Khmer version made in the content manager with a link connected keeps the English links too', async () => {
    const [p1, p2] = [await makePartner('new-version-p1'), await makePartner('new-version-p2')];
    const project = await makeProject('new-version', { englishOnly: true, data: { partners: [p1] } });
    await cmSave(project, 'km', { title: 'គម្រោង ថ្មី', partners: { connect: [{ ...ref(p2, 'km'), position: { end: true } }], disconnect: [] } });
    expect((await partners(project)).draft.km).toEqual([p1, p2]);
  });
});

describe('a target without a Khmer version: pending in Khmer, listed, and linked once it is translated', () => {
  it('a target without a Khmer version: pending in Khmer, listed, and linked once it is translated', async () => {
    const p1 = await makePartner('pending-p1');
    const p3 = await makePartner('pending-p3', { englishOnly: true });
    const project = await makeProject('pending');
    await restWrite(project, 'en', { partners: { connect: [p1, p3] } });
    expect(await partners(project)).toEqual({ draft: { en: [p1, p3], km: [p1] }, published: { en: [p1, p3], km: [p1] } });

    const pending = [{ field: 'partners', documentId: p3, title: expect.stringContaining('pending-p3') }];
    const status = await http(app).get('/api/translation-status').query({ type: 'project', locale: 'km', 'pagination[pageSize]': 100 }).set(bearer(token));
    expect(status.status).toBe(200);
    // Find the row across pages: the demo content has more projects than a page.
    let row = status.body.data.find((candidate: { documentId: string }) => candidate.documentId === project);
    for (let page = 2; !row && page <= status.body.meta.pagination.pageCount; page += 1) {
      const next = await http(app).get('/api/translation-status').query({ type: 'project', locale: 'km', 'pagination[pageSize]': 100, 'pagination[page]': page }).set(bearer(token));
      row = next.body.data.find((candidate: { documentId: string }) => candidate.documentId === project);
    }
    expect(row.pendingLinks).toEqual(pending);
    const panel = await http(app).get('/translations/workspace/source').query({ contentType: 'project', documentId: project, locale: 'km' }).set(bearer(admin.jwt));
    expect(panel.status).toBe(200);
    expect(panel.body.data.pendingLinks).toEqual(pending);

    // Saving and publishing the Khmer version drops nothing in English.
    await restWrite(project, 'km', { title: 'គម្រោង រង់ចាំ' });
    expect((await partners(project)).draft.en).toEqual([p1, p3]);
    expect((await partners(project)).published.en).toEqual([p1, p3]);

    await translatePartner(p3);
    expect((await partners(project)).draft.km).toEqual([p1, p3]);
    const after = await http(app).get('/translations/workspace/source').query({ contentType: 'project', documentId: project, locale: 'km' }).set(bearer(admin.jwt));
    expect(after.body.data.pendingLinks).toEqual([]);
    await cmPublish(project, 'km');
    expect(await partners(project)).toEqual(everywhere([p1, p3]));
  });
});

describe('new versions (the XLIFF import, the seed)', () => {
  type Xliff = {
    exportXliff: (app: Core.Strapi, options: Record<string, unknown>) => Promise<{ xml: string }>;
    importXliff: (app: Core.Strapi, xml: string) => Promise<Record<string, unknown>>;
  };

  it('a Khmer version made by an XLIFF import links the English links, pending where there is no Khmer version', async () => {
    const xliff: Xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
    const p1 = await makePartner('xliff-p1');
    const p3 = await makePartner('xliff-p3', { englishOnly: true });
    const project = await makeProject('xliff', { englishOnly: true, data: { partners: [p1, p3] } });
    const { xml } = await xliff.exportXliff(app, { locale: 'km', documentId: project, status: 'all' });
    const file = xml.replace(/(<trans-unit [^>]*resname="title"[\s\S]*?<source>[^<]*<\/source>\s*<target state=")[^"]*(">)[^<]*(<\/target>)/, '$1translated$2គម្រោង នាំចូល$3');
    expect(file).not.toBe(xml);
    await xliff.importXliff(app, file);
    expect((await partners(project)).draft).toEqual({ en: [p1, p3], km: [p1] });
    await translatePartner(p3);
    expect((await partners(project)).draft.km).toEqual([p1, p3]);
  });

  it('the demo content (English and Khmer from the seed) links the same in both languages', async () => {
    const drift = await (app.plugin('translations').service('shared-relations') as SharedRelationsService).drift();
    const demo = drift.filter((item) => !created.some(([, documentId]) => documentId === item.documentId));
    expect(demo).toEqual([]);
  });
});

describe('the drift report and repair', () => {
  it('finds a mismatch written straight into the database, and npm run shared-relations -- --repair sets it from English', async () => {
    const [p1, p2] = [await makePartner('drift-p1'), await makePartner('drift-p2')];
    const project = await makeProject('drift');
    await restWrite(project, 'en', { partners: { connect: [p1, p2] } });
    // Behind the Document Service's back: the Khmer draft loses a partner, and the published one is reordered.
    const rows = (await app.db.query(PROJECT).findMany({ where: { documentId: project, locale: 'km' }, select: ['id', 'publishedAt'] })) as Array<{ id: number; publishedAt: unknown }>;
    const kmPartner = async (documentId: string, published: boolean) =>
      ((await app.db.query(PARTNER).findOne({ where: { documentId, locale: 'km', publishedAt: published ? { $notNull: true } : null }, select: ['id'] })) as { id: number }).id;
    const draft = rows.find((row) => !row.publishedAt)!;
    const published = rows.find((row) => row.publishedAt)!;
    await app.db.query(PROJECT).update({ where: { id: draft.id }, data: { partners: { set: [await kmPartner(p2, false)] } } });
    await app.db.query(PROJECT).update({ where: { id: published.id }, data: { partners: { set: [await kmPartner(p2, true), await kmPartner(p1, true)] } } });
    expect(await partners(project)).toEqual({ draft: { en: [p1, p2], km: [p2] }, published: { en: [p1, p2], km: [p2, p1] } });

    const service = app.plugin('translations').service('shared-relations') as SharedRelationsService;
    const mine = (drift: Drift[]) => drift.filter((item) => item.documentId === project).map(({ locale, status, field, expected, actual }) => ({ locale, status, field, expected, actual }));
    expect(mine(await service.drift())).toEqual([
      { locale: 'km', status: 'draft', field: 'partners', expected: [p1, p2], actual: [p2] },
      { locale: 'km', status: 'published', field: 'partners', expected: [p1, p2], actual: [p2, p1] },
    ]);

    const run = await runScript('shared-relations.js', ['--repair'], { SEED_DEMO: 'false' });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(new RegExp(`repaired: api::project\\.project ${project} "Project drift-[^"]*": partners of the km draft version is \\[${p2}\\], the default locale's gives \\[${p1}, ${p2}\\]`));
    expect(await partners(project)).toEqual(everywhere([p1, p2]));
    expect(mine(await service.drift())).toEqual([]);
  });
});
