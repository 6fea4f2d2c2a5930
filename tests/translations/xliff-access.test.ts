import crypto from 'crypto';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { distDir } from '../helpers/environment';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

/**
 * The translation tools obey the administrator's role, whatever the file says (issue 13): four
 * roles against every way of writing the same locale in an XLIFF file, and the download, the
 * status list and "still correct". After every refusal, nothing in the database has changed.
 */

const PROJECT = 'api::project.project';
const PAGE = 'api::page.page';
const STATUS = 'plugin::translations.status';
const READ = 'plugin::content-manager.explorer.read';
const CREATE = 'plugin::content-manager.explorer.create';
const UPDATE = 'plugin::content-manager.explorer.update';

type Role = 'none' | 'readEnglish' | 'translator' | 'pagesOnly' | 'noSummary';

let app: Core.Strapi;
let xliff: {
  exportXliff: (app: Core.Strapi, options: Record<string, unknown>) => Promise<{ xml: string }>;
};
const jwts = {} as Record<Role, string>;
const userIds: number[] = [];
const roleIds: number[] = [];
let project: string;
let page: string;

const text = (value: string) => ({ type: 'text', text: value });

/** A role with content-manager permissions built as the admin panel builds them (every field), limited to some types and locales. */
const createRole = async (name: string, grants: Array<{ actions: string[]; types: string[]; locales: string[]; without?: string[] }>) => {
  const roles = app.service('admin::role');
  const role = await roles.create({ name: `${name} ${crypto.randomUUID().slice(0, 8)}`, description: 'XLIFF access test' });
  roleIds.push(role.id);
  const actions = (app.service('admin::permission').actionProvider.values() as Array<{ actionId: string; section: string }>).filter(
    (action) => action.section === 'contentTypes'
  );
  const all = app.service('admin::content-type').getPermissionsWithNestedFields(actions) as Array<{ action: string; subject: string; properties: Record<string, unknown> }>;
  const permissions = grants.flatMap(({ actions: granted, types, locales, without = [] }) =>
    all
      .filter((permission) => granted.includes(permission.action) && types.includes(permission.subject))
      .map((permission) => {
        const fields = permission.properties.fields as string[] | undefined;
        return { ...permission, properties: { ...permission.properties, locales, ...(fields ? { fields: fields.filter((field) => !without.includes(field)) } : {}) } };
      })
  );
  if (permissions.length > 0) await roles.assignPermissions(role.id, permissions);
  return role.id as number;
};

const signIn = async (roleId: number): Promise<string> => {
  const email = `xliff-access-${crypto.randomUUID()}@example.org`;
  const password = `Aa1-${crypto.randomBytes(12).toString('hex')}`;
  const user = await app.service('admin::user').create({ email, firstname: 'Xliff', lastname: 'Access', password, isActive: true, registrationToken: null, roles: [roleId] });
  userIds.push(user.id);
  const login = await http(app).post('/admin/login').send({ email, password });
  expect(login.status).toBe(200);
  return login.body.data.token;
};

beforeAll(async () => {
  app = await startStrapi();
  xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
  const types = Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::'));
  const translator = await app.db.query('admin::role').findOne({ where: { code: 'translator-km' } });
  jwts.none = await signIn(await createRole('No rights', []));
  jwts.readEnglish = await signIn(await createRole('Read-only English', [{ actions: [READ], types, locales: ['en'] }]));
  jwts.translator = await signIn(translator.id);
  jwts.pagesOnly = await signIn(await createRole('Pages only', [{ actions: [READ, CREATE, UPDATE], types: [PAGE], locales: ['en', 'km'] }]));
  // Edits Khmer projects, but not their summary (the content manager would silently drop it; the import refuses).
  jwts.noSummary = await signIn(
    await createRole('Projects without summary', [
      { actions: [READ], types: [PROJECT], locales: ['en', 'km'], without: ['summary'] },
      { actions: [CREATE, UPDATE], types: [PROJECT], locales: ['km'], without: ['summary'] },
    ])
  );

  // A project that has a Khmer version (an import updates it) and a page that has none (an import creates it).
  const p = await app.documents(PROJECT).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Access test project', slug: 'xliff-access-project', projectStatus: 'ongoing', summary: 'Who may write this.', keyFigures: [{ value: 3, label: 'wells', qualifier: 'exact' }] },
  } as never);
  await app.documents(PROJECT).update({ documentId: p.documentId, locale: 'km', data: { title: 'គម្រោង', summary: 'សង្ខេប' } } as never);
  const g = await app.documents(PAGE).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Access test page', slug: 'xliff-access-page', body: [{ type: 'paragraph', children: [text('Page text')] }] },
  } as never);
  project = p.documentId;
  page = g.documentId;
});

afterAll(async () => {
  for (const [uid, documentId] of [[PROJECT, project], [PAGE, page]]) {
    if (documentId) await app.documents(uid as never).delete({ documentId, locale: '*' } as never);
  }
  for (const id of userIds) await app.service('admin::user').deleteById(id);
  for (const id of roleIds) await app.service('admin::role').deleteByIds([id]);
  await stopStrapi(app);
});

const as = (role: Role) => ({ Authorization: `Bearer ${jwts[role]}` });

/** As the Translations page sends it: the file, multipart. */
const upload = (role: Role, xml: string) =>
  http(app).post('/translations/xliff').set(as(role)).attach('files', Buffer.from(xml, 'utf8'), { filename: 'translation.xlf', contentType: 'application/x-xliff+xml' });

/** Everything an import could change. */
const snapshot = async () => ({
  projects: await app.db.query(PROJECT).findMany({ orderBy: { id: 'asc' }, select: ['id', 'documentId', 'title', 'summary', 'locale', 'updatedAt'] }),
  pages: await app.db.query(PAGE).findMany({ orderBy: { id: 'asc' }, select: ['id', 'documentId', 'title', 'locale', 'updatedAt'] }),
  statuses: await app.db.query(STATUS).findMany({ orderBy: { id: 'asc' }, select: ['id', 'state', 'outdatedFields', 'sourceHashes', 'updatedAt'] }),
});

/** The fixtures' export with every target filled with a marked translation. */
const translated = async (mark: string, documentId: string | string[] = [project, page]) => {
  const { xml } = await xliff.exportXliff(app, { locale: 'km', documentId });
  return xml.replace(
    /<source>([^<]*)<\/source>(\s*)<target state="[^"]*">[^<]*<\/target>/g,
    (_all, source: string, space: string) => `<source>${source}</source>${space}<target state="translated">${mark} ${source}</target>`
  );
};

const kmTitles = async () => ({
  project: ((await app.documents(PROJECT).findOne({ documentId: project, locale: 'km' } as never)) as any)?.title,
  page: ((await app.documents(PAGE).findOne({ documentId: page, locale: 'km' } as never)) as any)?.title,
});

/** Ways of writing the Khmer locale in target-language that the import reads as km. */
const SAME_LOCALE: Array<[string, (xml: string) => string]> = [
  ['target-language="km"', (xml) => xml],
  ['a region subtag, km-KH', (xml) => xml.replace(/target-language="km"/g, 'target-language="km-KH"')],
  ['letter case, KM', (xml) => xml.replace(/target-language="km"/g, 'target-language="KM"')],
  ['an underscore, km_kh', (xml) => xml.replace(/target-language="km"/g, 'target-language="km_kh"')],
  ["single quotes, target-language='km'", (xml) => xml.replace(/target-language="km"/g, "target-language='km'")],
  ['a character reference, &#107;m', (xml) => xml.replace(/target-language="km"/g, 'target-language="&#107;m"')],
  ['whitespace around the =', (xml) => xml.replace(/target-language="km"/g, 'target-language =\n  "km"')],
  [
    'a prefixed attribute in the XLIFF namespace beside it',
    (xml) => xml.replace('<xliff version="1.2"', '<xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2"').replace(/target-language="km"/g, 'x:target-language="en" target-language="km"'),
  ],
];

/** Files that could be read as Khmer by one reader and as something else by another: refused (400) for everyone. */
const AMBIGUOUS: Array<[string, (xml: string) => string, RegExp]> = [
  ['whitespace inside the value, " km "', (xml) => xml.replace(/target-language="km"/g, 'target-language=" km "'), /is not a language tag/],
  ['a line break inside the value', (xml) => xml.replace(/target-language="km"/g, 'target-language="km&#10;"'), /is not a language tag/],
  [
    'several <file> elements with different targets',
    (xml) => xml.replace(`target-language="km" datatype="database" product-name="Habitat CMS">\n    <header>\n      <tool tool-id="habitat-cms" tool-name="Habitat CMS"/>\n      <note>Page`, `target-language="en" datatype="database" product-name="Habitat CMS">\n    <header>\n      <tool tool-id="habitat-cms" tool-name="Habitat CMS"/>\n      <note>Page`),
    /another target language \("en"\)/,
  ],
  ['the default locale as the target', (xml) => xml.replace(/target-language="km"/g, 'target-language="en"'), /another target language \("en"\)/],
  ['a DTD entity for the language', (xml) => xml.replace('<xliff ', '<!DOCTYPE xliff [<!ENTITY lang "km">]>\n<xliff ').replace(/target-language="km"/g, 'target-language="&lang;"'), /DOCTYPE/],
  ['another encoding declared', (xml) => xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), /declares encoding="ISO-8859-1"/],
  ['a <target xml:lang> of another language', (xml) => xml.replace('<target state="translated">', '<target xml:lang="en" state="translated">'), /<target xml:lang="en">.*is not the file's target-language/],
  ['the same document twice', (xml) => xml.replace('</xliff>', `${/  <file [\s\S]*?<\/file>\n/.exec(xml)![0]}</xliff>`), /the same document as an earlier <file>/],
];

describe('a second reader agrees', () => {
  // What the import accepts as Khmer, a translation tool's reader (the xliff package) reads as Khmer too.
  it.each(SAME_LOCALE)('%s', async (_name, rewrite) => {
    const { xliff12ToJs } = require('xliff') as { xliff12ToJs: (xml: string) => Promise<{ targetLanguage: string }> };
    const { targetLanguage } = await xliff12ToJs(rewrite(await translated('X')));
    expect(targetLanguage.toLowerCase().split(/[-_]/)[0]).toBe('km');
  });
});

describe('XLIFF upload: the role decides, whatever the file says', () => {
  it('the test file holds both fixtures, one of them with a Khmer version', async () => {
    const xml = await translated('X');
    expect(xml).toContain(`original="${PROJECT}/${project}"`);
    expect(xml).toContain(`original="${PAGE}/${page}"`);
    expect((xml.match(/target-language="km"/g) ?? []).length).toBe(2);
  });

  describe.each<Role>(['none', 'readEnglish'])('a role that may not edit Khmer (%s): 403, nothing written', (role) => {
    it.each(SAME_LOCALE)('%s', async (_name, rewrite) => {
      const before = await snapshot();
      const res = await upload(role, rewrite(await translated('ROGUE')));
      expectJsonError(res, 403, /Nothing was imported: your role may not write/);
      expect(res.body.error.details.problems).toEqual(expect.arrayContaining([expect.stringMatching(/you may not update project in the locale "km"/), expect.stringMatching(/you may not create page in the locale "km"/)]));
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('a role limited to pages: a file with a project in it is refused whole', () => {
    it.each(SAME_LOCALE)('%s', async (_name, rewrite) => {
      const before = await snapshot();
      const res = await upload('pagesOnly', rewrite(await translated('ROGUE')));
      expectJsonError(res, 403);
      expect(res.body.error.details.problems).toEqual([expect.stringMatching(new RegExp(`api::project\\.project/${project}.*you may not update project in the locale "km"`))]);
      expect(await snapshot()).toEqual(before);
    });

    it('and its own pages go through', async () => {
      const res = await upload('pagesOnly', await translated('PAGES', page));
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(expect.objectContaining({ locale: 'km', documents: 1 }));
      expect((await kmTitles()).page).toBe('PAGES Access test page');
    });
  });

  describe.each<Role>(['none', 'readEnglish', 'translator', 'pagesOnly'])('ambiguous files are refused (400) for every role (%s), writing nothing', (role) => {
    it.each(AMBIGUOUS)('%s', async (_name, rewrite, message) => {
      const before = await snapshot();
      const res = await upload(role, rewrite(await translated('ROGUE')));
      expectJsonError(res, 400);
      expect([res.body.error.message, ...(res.body.error.details.problems ?? [])].join('\n')).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('the translator role: its own uploads work, however the file writes km', () => {
    it.each(SAME_LOCALE.map(([name, rewrite], index) => [name, rewrite, `T${index}`] as const))('%s', async (_name, rewrite, mark) => {
      const res = await upload('translator', rewrite(await translated(mark)));
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(expect.objectContaining({ locale: 'km', documents: 2 }));
      expect(await kmTitles()).toEqual({ project: `${mark} Access test project`, page: `${mark} Access test page` });
      const km = (await app.documents(PROJECT).findOne({ documentId: project, locale: 'km', populate: ['keyFigures'] } as never)) as any;
      expect(km.keyFigures).toEqual([expect.objectContaining({ value: 3, label: `${mark} wells` })]);
      // Drafts only, and English untouched.
      expect(((await app.documents(PROJECT).findOne({ documentId: project, locale: 'en' } as never)) as any).title).toBe('Access test project');
    });

    it('round trip: the download of the Translations page, translated, uploaded back', async () => {
      const download = await http(app).get('/translations/xliff').query({ locale: 'km', type: 'page', document: page }).set(as('translator'));
      expect(download.status).toBe(200);
      const xml = download.text.replace(/(<source>Page text<\/source>\s*<target state=")[^"]*(">)[^<]*/, '$1translated$2ROUND TRIP');
      const res = await upload('translator', xml);
      expect(res.status).toBe(200);
      const km = (await app.documents(PAGE).findOne({ documentId: page, locale: 'km' } as never)) as any;
      expect(km.body).toEqual([{ type: 'paragraph', children: [text('ROUND TRIP')] }]);
    });
  });
});

describe('fields: every field written needs the right to edit it', () => {
  it('a role that may not edit the summary: a file translating it is refused (403, naming it), nothing written', async () => {
    const before = await snapshot();
    const res = await upload('noSummary', await translated('FIELDS', project));
    expectJsonError(res, 403);
    expect(res.body.error.details.problems).toEqual([expect.stringMatching(/project "Access test project": you may not update "summary" in the locale "km"/)]);
    expect(await snapshot()).toEqual(before);
  });

  it('the same file without the summary goes through; the download leaves out what the role may not read', async () => {
    const download = await http(app).get('/translations/xliff').query({ locale: 'km', type: 'project', document: project }).set(as('noSummary'));
    expect(download.status).toBe(200);
    expect(download.text).toContain('resname="title"');
    expect(download.text).not.toContain('resname="summary"');
    const xml = download.text.replace(/(<source>([^<]*)<\/source>\s*<target state=")[^"]*(">)[^<]*/g, (_all, start: string, source: string, middle: string) => `${start}translated${middle}FIELDS ${source}`);
    const res = await upload('noSummary', xml);
    expect(res.status).toBe(200);
    expect((await kmTitles()).project).toBe('FIELDS Access test project');
  });
});

describe("the issue's table, as an administrator whose role has no content permissions", () => {
  it('GET /translations/xliff?locale=km&status=all&type=project: 403', async () => {
    const res = await http(app).get('/translations/xliff').query({ locale: 'km', status: 'all', type: 'project' }).set(as('none'));
    expectJsonError(res, 403, /may not read "project" in both en and km/);
  });

  it('GET /translations/status?locale=km: 403', async () => {
    expectJsonError(await http(app).get('/translations/status').query({ locale: 'km' }).set(as('none')), 403);
  });

  it('POST /translations/xliff with km, km-KH and single quotes: 403, nothing written', async () => {
    const xml = await translated('ROGUE');
    const before = await snapshot();
    for (const file of [xml, xml.replace(/target-language="km"/g, 'target-language="km-KH"'), xml.replace(/target-language="km"/g, "target-language='km'")]) {
      expectJsonError(await upload('none', file), 403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('POST /translations/status/still-correct: 403, nothing changed', async () => {
    const before = await snapshot();
    const res = await http(app).post('/translations/status/still-correct').set(as('none')).send({ data: { contentType: 'project', documentId: project, locale: 'km' } });
    expectJsonError(res, 403, /may not edit project in the locale "km"/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('download and status list: only what the role may read', () => {
  it('read-only English: Khmer is not readable, so nothing is left (403)', async () => {
    expectJsonError(await http(app).get('/translations/xliff').query({ locale: 'km' }).set(as('readEnglish')), 403);
    expectJsonError(await http(app).get('/translations/status').query({ locale: 'km' }).set(as('readEnglish')), 403);
    expectJsonError(await http(app).get('/translations/status').set(as('readEnglish')), 403);
  });

  it('a role limited to pages: the download and the list hold pages only; projects are 403', async () => {
    const download = await http(app).get('/translations/xliff').query({ locale: 'km', status: 'all' }).set(as('pagesOnly'));
    expect(download.status).toBe(200);
    const originals = [...download.text.matchAll(/original="([^"/]+)\//g)].map((match) => match[1]);
    expect(originals.length).toBeGreaterThan(0);
    expect(new Set(originals)).toEqual(new Set([PAGE]));

    const status = await http(app).get('/translations/status').query({ locale: 'km' }).set(as('pagesOnly'));
    expect(status.status).toBe(200);
    expect(Object.keys(status.body.meta.summary)).toEqual([PAGE]);
    expect(new Set(status.body.data.map((row: { contentType: string }) => row.contentType))).toEqual(new Set([PAGE]));

    expectJsonError(await http(app).get('/translations/xliff').query({ locale: 'km', type: 'project' }).set(as('pagesOnly')), 403);
    expectJsonError(await http(app).get('/translations/status').query({ locale: 'km', type: 'project' }).set(as('pagesOnly')), 403);
  });

  it('the translator reads every type; "still correct" works in Khmer', async () => {
    const status = await http(app).get('/translations/status').query({ locale: 'km' }).set(as('translator'));
    expect(status.status).toBe(200);
    expect(Object.keys(status.body.meta.summary)).toEqual(expect.arrayContaining([PROJECT, PAGE]));
    await app.documents(PROJECT).update({ documentId: project, locale: 'en', data: { summary: 'Changed in English.' } } as never);
    const confirm = await http(app).post('/translations/status/still-correct').set(as('translator')).send({ data: { contentType: 'project', documentId: project, locale: 'km' } });
    expect(confirm.status).toBe(200);
    expect(confirm.body.data.outdatedFields).toEqual([]);
  });

  it('"still correct" needs the right to edit that locale: a pages-only role may not confirm a project', async () => {
    await app.documents(PROJECT).update({ documentId: project, locale: 'en', data: { summary: 'Changed in English again.' } } as never);
    const before = await snapshot();
    const res = await http(app).post('/translations/status/still-correct').set(as('pagesOnly')).send({ data: { contentType: 'project', documentId: project, locale: 'km' } });
    expectJsonError(res, 403);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the translator's side panel and memory: only what the role may read", () => {
  const source = (role: Role) => http(app).get('/translations/workspace/source').query({ contentType: 'project', documentId: project, locale: 'km' }).set(as(role));
  const memory = (role: Role) => http(app).get('/translations/workspace/memory').query({ contentType: 'project', documentId: project, locale: 'km' }).set(as(role));
  const names = (body: { data: { fields: Array<{ name: string }> } }) => body.data.fields.map((field) => field.name);

  it('a role that may not read the summary: the panel and the memory leave it out, and the rest is there', async () => {
    const [translator, noSummary] = [await source('translator'), await source('noSummary')];
    expect(translator.status).toBe(200);
    expect(names(translator.body)).toContain('summary');
    expect(noSummary.status).toBe(200);
    expect(names(noSummary.body)).toEqual(names(translator.body).filter((name) => name !== 'summary'));
    expect(JSON.stringify(noSummary.body)).not.toContain('Changed in English');

    const texts = await memory('noSummary');
    expect(texts.status).toBe(200);
    expect(texts.body.data.every((text: { field: string }) => text.field !== 'summary')).toBe(true);
  });

  it('no rights, read-only English, or pages only: 403 for a project, in the panel and the memory', async () => {
    for (const role of ['none', 'readEnglish', 'pagesOnly'] as const) {
      expectJsonError(await source(role), 403, /may not read project/);
      expectJsonError(await memory(role), 403, /may not read project/);
    }
  });
});

describe('the upload limit (multipart, one limit for the page, its route and npm run xliff)', () => {
  it('the page learns the limit from /translations/settings', async () => {
    const res = await http(app).get('/translations/settings').set(as('translator'));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ xliffMaxFileSize: 16 * 1024 * 1024, xliffMaxFileSizeLabel: '16 MB' });
  });

  it('a 3 MB file goes through the route the Translations page uses (past the 1 MB JSON limit)', async () => {
    const xml = await translated('BIG', page);
    // A translation tool's comments make it 3 MB; the file is imported as any other.
    const notes = 'translation memory notes ';
    const big = xml.replace('</xliff>', `<!-- ${notes.repeat(Math.ceil((3 * 1024 * 1024) / notes.length))} -->\n</xliff>`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(3 * 1024 * 1024);
    const res = await upload('translator', big);
    expect(res.status).toBe(200);
    expect((await kmTitles()).page).toBe('BIG Access test page');
  });

  it('past the limit: 413 naming the limit, nothing written', async () => {
    const limit = app.config.get('plugin::translations.xliffMaxFileSize');
    app.config.set('plugin::translations.xliffMaxFileSize', 2 * 1024 * 1024);
    try {
      const xml = (await translated('TOO BIG', page)).replace('</xliff>', `<!-- ${'x'.repeat(2 * 1024 * 1024)} -->\n</xliff>`);
      const before = await snapshot();
      const res = await upload('translator', xml);
      expectJsonError(res, 413, /larger than the XLIFF limit of 2 MB/);
      expect(await snapshot()).toEqual(before);
    } finally {
      app.config.set('plugin::translations.xliffMaxFileSize', limit);
    }
  });

  it('a JSON body is refused with a message saying how to send the file', async () => {
    const res = await http(app).post('/translations/xliff').set(as('translator')).send({ xliff: await translated('JSON', page) });
    expectJsonError(res, 400, /multipart\/form-data, in the field "files"/);
  });
});
