import fs from 'fs';
import path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import { validateXML } from 'xmllint-wasm';
import { appDir, distDir } from '../helpers/environment';
import { startStrapi, stopStrapi } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const PAGE = 'api::page.page';
const STATUS = 'plugin::translations.status';
const schemasDir = path.join(appDir, 'schemas', 'xliff-1.2');

let app: Core.Strapi;
let xliff: {
  exportXliff: (app: Core.Strapi, options: Record<string, unknown>) => Promise<{ xml: string; documents: number; units: number; removedCharacters: number }>;
  importXliff: (app: Core.Strapi, xml: string) => Promise<Record<string, any>>;
};
const fixtures: Array<[string, string]> = [];
let project: string;
let page: string;

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
const BACKGROUND = [
  {
    type: 'paragraph',
    children: [
      text('Communities '),
      text('choose', { bold: true }),
      text(' and '),
      text('build', { italic: true, bold: true }),
      text(' – see the '),
      { type: 'link', url: 'https://example.org/report', children: [text('report')] },
      text('.'),
    ],
  },
  { type: 'heading', level: 3, children: [text('Results')] },
  { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Water')] }, { type: 'list-item', children: [text('Drains')] }] },
  { type: 'quote', children: [text('We did it ourselves.')] },
];

beforeAll(async () => {
  app = await startStrapi();
  xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
  const p = await app.documents(PROJECT).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'XLIFF test project',
      slug: 'xliff-test-project',
      projectStatus: 'ongoing',
      startYear: 2020,
      summary: 'Communities & councils <together>.',
      background: BACKGROUND,
      keyFigures: [{ value: 12, label: 'community funds', qualifier: 'exact' }],
    },
  } as never);
  const g = await app.documents(PAGE).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'XLIFF test page',
      slug: 'xliff-test-page',
      body: [{ type: 'paragraph', children: [text('Intro '), text('text', { underline: true })] }],
      sections: [
        { __component: 'shared.rich-text', body: [{ type: 'paragraph', children: [text('Section '), text('one', { bold: true })] }] },
        { __component: 'shared.quote', text: 'A quote', person: 'A person', role: 'Mayor' },
      ],
    },
  } as never);
  project = p.documentId;
  page = g.documentId;
  fixtures.push([PROJECT, project], [PAGE, page]);
});

afterAll(async () => {
  for (const [uid, documentId] of fixtures) await app.documents(uid as never).delete({ documentId, locale: '*' } as never);
  await stopStrapi(app);
});

/** Validates against the OASIS XLIFF 1.2 strict schema, offline (its xml.xsd import points to the local copy). */
const validate = async (xml: string) => {
  const schema = fs.readFileSync(path.join(schemasDir, 'xliff-core-1.2-strict.xsd'), 'utf8').replace('http://www.w3.org/2001/xml.xsd', 'xml.xsd');
  return validateXML({
    xml: [{ fileName: 'export.xlf', contents: xml }],
    schema: [{ fileName: 'xliff-core-1.2-strict.xsd', contents: schema }],
    preload: [{ fileName: 'xml.xsd', contents: fs.readFileSync(path.join(schemasDir, 'xml.xsd'), 'utf8') }],
  });
};

/** A pseudo-translation: every target filled, every text marked, every tag kept. */
const pseudoTranslate = (xml: string) =>
  xml.replace(/<source>([\s\S]*?)<\/source>(\s*)<target state="needs-translation"><\/target>/g, (_all, source: string, space: string) => {
    const target = source.replace(/(^|>)([^<]+)(?=<|$)/g, (_m, before: string, content: string) => `${before}ខ្មែរ ${content}`);
    return `<source>${source}</source>${space}<target state="translated">${target}</target>`;
  });

/** Sets the target of the fixture project's title unit (whatever its state). */
const editProjectTitle = (xml: string, edit: (title: string) => string) =>
  xml.replace(/(<source>XLIFF test project[^<]*<\/source>\s*<target state=")[^"]*(">)([^<]*)(<\/target>)/, (_m, a: string, b: string, title: string, d: string) => `${a}translated${b}${edit(title)}${d}`);

const exportFixtures = () => xliff.exportXliff(app, { locale: 'km', documentId: [project, page] });

/** Everything an import could change, to compare before and after a refused one. */
const snapshot = async () => ({
  projects: await app.db.query(PROJECT).findMany({ orderBy: { id: 'asc' }, select: ['id', 'title', 'locale', 'updatedAt'] }),
  pages: await app.db.query(PAGE).findMany({ orderBy: { id: 'asc' }, select: ['id', 'title', 'locale', 'updatedAt'] }),
  statuses: await app.db.query(STATUS).findMany({ orderBy: { id: 'asc' }, select: ['id', 'state', 'updatedAt'] }),
});

describe('XLIFF export', () => {
  it('is valid XLIFF 1.2 (OASIS strict schema), one unit per text, shared fields left out', async () => {
    const { xml, documents, units } = await exportFixtures();
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(documents).toBe(2);
    // project: title, summary, 4 background blocks (the list has 2 items → 5 units), 1 key figure label; page: title, body, section body, quote text + person + role
    expect(units).toBe(1 + 1 + 5 + 1 + 1 + 1 + 1 + 3);
    expect(xml).toContain('source-language="en" target-language="km"');
    expect(xml).toContain(`<trans-unit id="${project}/background/0" resname="background/0" xml:space="preserve">`);
    expect(xml).toContain('<source>Communities <g id="1" ctype="bold">choose</g> and <g id="3" ctype="bold"><g id="2" ctype="italic">build</g></g> – see the <g id="4" ctype="link">report</g>.</source>');
    expect(xml).toContain(`<trans-unit id="${project}/background/2/1" resname="background/2/1"`);
    expect(xml).toContain(`<trans-unit id="${project}/keyFigures/0/label" resname="keyFigures/0/label"`);
    expect(xml).toContain(`<trans-unit id="${page}/sections/1/text" resname="sections/1/text"`);
    expect(xml).toContain('<source>Communities &amp; councils &lt;together&gt;.</source>');
    expect(xml).not.toMatch(/xliff-test-project|https:\/\/example\.org|"type":/); // no slug, no URL, no JSON
  });

  it('exports the whole demo content valid too (every type, rich text, components, dynamic zones)', async () => {
    const { xml, documents } = await xliff.exportXliff(app, { locale: 'km', status: 'all' });
    expect(documents).toBeGreaterThan(60);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
  });

  it('selects by status: --status missing exports the documents without Khmer', async () => {
    const { xml } = await xliff.exportXliff(app, { locale: 'km', type: 'project', status: 'missing' });
    expect((xml.match(/<file /g) ?? []).length).toBe(3); // the 2 demo projects and the fixture
  });

  it('refuses a locale that is not a translation locale', async () => {
    await expect(xliff.exportXliff(app, { locale: 'en' })).rejects.toThrow(/"en" is not a translation locale/);
  });
});

describe('XLIFF import', () => {
  it('round trip: creates Khmer drafts (never published) whose rich text keeps its formatting', async () => {
    const { xml } = await exportFixtures();
    const summary = await xliff.importXliff(app, pseudoTranslate(xml));
    expect(summary).toEqual(expect.objectContaining({ locale: 'km', documents: 2, units: 14, created: 2, updated: 0, skipped: 0, olderSource: [] }));

    expect(await app.documents(PROJECT).findOne({ documentId: project, locale: 'km', status: 'published' } as never)).toBeNull();
    const km = (await app.documents(PROJECT).findOne({ documentId: project, locale: 'km', populate: ['keyFigures'] } as never)) as any;
    expect(km.title).toBe('ខ្មែរ XLIFF test project');
    expect(km.summary).toBe('ខ្មែរ Communities & councils <together>.');
    expect(km.slug).toBe('xliff-test-project'); // shared fields from the English version
    expect(km.startYear).toBe(2020);
    expect(km.keyFigures).toEqual([expect.objectContaining({ value: 12, label: 'ខ្មែរ community funds', qualifier: 'exact' })]);
    expect(km.background).toEqual([
      {
        type: 'paragraph',
        children: [
          text('ខ្មែរ Communities '),
          text('ខ្មែរ choose', { bold: true }),
          text('ខ្មែរ  and '),
          text('ខ្មែរ build', { italic: true, bold: true }),
          text('ខ្មែរ  – see the '),
          { type: 'link', url: 'https://example.org/report', children: [text('ខ្មែរ report')] },
          text('ខ្មែរ .'),
        ],
      },
      { type: 'heading', level: 3, children: [text('ខ្មែរ Results')] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('ខ្មែរ Water')] },
          { type: 'list-item', children: [text('ខ្មែរ Drains')] },
        ],
      },
      { type: 'quote', children: [text('ខ្មែរ We did it ourselves.')] },
    ]);

    const kmPage = (await app.documents(PAGE).findOne({ documentId: page, locale: 'km', populate: { sections: true } } as never)) as any;
    expect(kmPage.body).toEqual([{ type: 'paragraph', children: [text('ខ្មែរ Intro '), text('ខ្មែរ text', { underline: true })] }]);
    expect(kmPage.sections.map((s: any) => s.__component)).toEqual(['shared.rich-text', 'shared.quote']);
    expect(kmPage.sections[1]).toEqual(expect.objectContaining({ text: 'ខ្មែរ A quote', person: 'ខ្មែរ A person', role: 'ខ្មែរ Mayor' }));

    const status = await app.db.query(STATUS).findOne({ where: { entryDocumentId: project, targetLocale: 'km' } });
    expect(status.state).toBe('draft-only');
  });

  it('keeps an entry outdated when its units were translated from an older English text', async () => {
    const { xml } = await xliff.exportXliff(app, { locale: 'km', documentId: project });
    await app.documents(PROJECT).update({ documentId: project, locale: 'en', data: { title: 'XLIFF test project, renamed' } } as never);
    const summary = await xliff.importXliff(app, pseudoTranslate(xml));
    expect(summary.updated).toBe(1);
    expect(summary.olderSource).toEqual([expect.stringMatching(/field "title": translated from an older en text/)]);
    const status = await app.db.query(STATUS).findOne({ where: { entryDocumentId: project, targetLocale: 'km' } });
    expect([status.state, status.outdatedFields]).toEqual(['outdated', ['title']]);
  });

  it('pre-fills the targets from the existing translation; one still marked for review keeps the entry outdated', async () => {
    const before = await xliff.exportXliff(app, { locale: 'km', documentId: project });
    // The title changed in English in the test before: its translation needs a review.
    expect(before.xml).toContain('<target state="needs-review-translation">ខ្មែរ XLIFF test project</target>');
    expect(before.xml).toMatch(/<target state="translated">ខ្មែរ Communities <g id="1" ctype="bold">ខ្មែរ choose<\/g>.*<g id="4" ctype="link">ខ្មែរ report<\/g>/);

    await app.documents(PROJECT).update({ documentId: project, locale: 'en', data: { summary: 'A new English summary.' } } as never);
    const { xml } = await xliff.exportXliff(app, { locale: 'km', documentId: project });
    expect(xml).toContain('<source>A new English summary.</source>\n        <target state="needs-review-translation">ខ្មែរ Communities &amp; councils &lt;together&gt;.</target>');

    // Imported as it is (nobody reviewed the summary): saved, but the entry stays outdated.
    const summary = await xliff.importXliff(app, xml);
    expect(summary.olderSource).toEqual(expect.arrayContaining([expect.stringMatching(/field "summary": still marked needs-review-translation/)]));
    const status = await app.db.query(STATUS).findOne({ where: { entryDocumentId: project, targetLocale: 'km' } });
    expect(status.outdatedFields).toContain('summary');

    // Reviewed in the tool: the entry is no longer outdated for the summary.
    const reviewed = xml.replace('<target state="needs-review-translation">ខ្មែរ Communities', '<target state="translated">ខ្មែរ Communities');
    await xliff.importXliff(app, reviewed);
    const after = await app.db.query(STATUS).findOne({ where: { entryDocumentId: project, targetLocale: 'km' } });
    expect(after.outdatedFields).not.toContain('summary');
  });

  describe('refuses a broken file, explains why, and changes nothing', () => {
    const broken: Array<[string, (xml: string) => string, RegExp]> = [
      ['malformed XML', (xml) => xml.replace('</body>', '</bdy>'), /not well-formed XML/],
      ['not XLIFF', () => '<?xml version="1.0"?><html/>', /not an XLIFF 1\.2 file/],
      ['another target language', (xml) => xml.replace(/target-language="km"/g, 'target-language="fr"'), /another target language \("fr"\)/],
      ['an unknown content type', (xml) => xml.replace('api::page.page/', 'api::nope.nope/'), /unknown content type "api::nope\.nope"/],
      ['an unknown document', (xml) => xml.replace(`api::page.page/${page}`, 'api::page.page/doesnotexist'), /unknown document "doesnotexist"/],
      ['a missing tag', (xml) => xml.replace('<g id="4" ctype="link">ខ្មែរ report</g>', 'ខ្មែរ report'), /tag <g id="4"> \(link\) missing/],
      ['an unknown tag', (xml) => editProjectTitle(xml, (title) => `<g id="9">ខ្មែរ</g> ${title}`), /tag <g id="9"> is not in the source/],
      ['a placeholder tag', (xml) => xml.replace('<target state="translated">ខ្មែរ Results', '<target state="translated"><x id="1"/>ខ្មែរ Results'), /inline element <x> is not supported/],
    ];

    it.each(broken)('%s', async (_name, breakIt, message) => {
      const { xml } = await exportFixtures();
      const file = breakIt(pseudoTranslate(xml));
      const before = await snapshot();
      await expect(xliff.importXliff(app, file)).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    });

    it('lists every problem at once', async () => {
      const { xml } = await exportFixtures();
      const file = pseudoTranslate(xml).replace(/<g id="1" ctype="bold">(ខ្មែរ choose)<\/g>/, '$1').replace(`api::page.page/${page}`, 'api::page.page/doesnotexist');
      const error = await xliff.importXliff(app, file).catch((e: { problems: string[] }) => e);
      expect((error as { problems: string[] }).problems).toHaveLength(2);
    });

    it('rolls back every document when one is refused by validation (a title too long)', async () => {
      const { xml } = await exportFixtures();
      // Documents are written type by type (page, then project): the page is written, then the project fails.
      const file = editProjectTitle(pseudoTranslate(xml), () => 'ក'.repeat(300));
      const before = await snapshot();
      await expect(xliff.importXliff(app, file)).rejects.toThrow(/a translation was refused[\s\S]*title/);
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe('characters XML cannot carry', () => {
  // Stored in the database as an editor could paste them (PostgreSQL keeps no U+0000 in text, so that one is
  // tested on the function alone below): C0 controls, U+FFFE, U+FFFF; next to what XML carries and must keep.
  const kept = 'tab\there, lines\nand\r\nCRLF and a lone\rCR, NEL\u0085 DEL\u007F, 😀, \uFFFD, ' + 'ស្ត្រី';
  const withControls = `${kept} bell\u0007 esc\u001B vt\u000B ff\u000C soh\u0001 fffe\uFFFE ffff\uFFFF.`;

  it('are left out of the export, which says how many; the round trip keeps everything else', async () => {
    const created = await app.documents(PAGE).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Control characters\u0007 page', slug: 'xliff-control-characters', body: [{ type: 'paragraph', children: [text(withControls)] }] },
    } as never);
    fixtures.push([PAGE, created.documentId]);
    const stored = (await app.documents(PAGE).findOne({ documentId: created.documentId, locale: 'en' } as never)) as any;
    expect(stored.body[0].children[0].text).toBe(withControls); // the database keeps them

    const { xml, removedCharacters } = await xliff.exportXliff(app, { locale: 'km', documentId: created.documentId });
    expect(removedCharacters).toBe(8); // 7 in the text, 1 in the title
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(xml).toMatch(/<note>8 characters that XML cannot carry .* left out of this document's texts<\/note>/);
    expect(xml).toContain('lines\nand&#13;\nCRLF and a lone&#13;CR');

    const summary = await xliff.importXliff(app, pseudoTranslate(xml));
    expect(summary).toEqual(expect.objectContaining({ documents: 1, created: 1 }));
    const km = (await app.documents(PAGE).findOne({ documentId: created.documentId, locale: 'km' } as never)) as any;
    expect(km.title).toBe('ខ្មែរ Control characters page');
    expect(km.body[0].children[0].text).toBe(`ខ្មែរ ${kept} bell esc vt ff soh fffe ffff.`);
    // The English text is never changed by an export.
    expect(((await app.documents(PAGE).findOne({ documentId: created.documentId, locale: 'en' } as never)) as any).body[0].children[0].text).toBe(withControls);
  });

  it('U+0000 and lone surrogates too (the function that removes them)', () => {
    const { withoutNonXmlCharacters } = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'xml'));
    expect(withoutNonXmlCharacters('a\u0000b\uD800c\uDC00d😀e\t\n\r')).toEqual({ text: 'abcd😀e\t\n\r', removed: 3 });
  });

  it('the import refuses them (as an XML parser must), changing nothing', async () => {
    const { xml } = await exportFixtures();
    const before = await snapshot();
    await expect(xliff.importXliff(app, pseudoTranslate(xml).replace('ខ្មែរ Results', 'ខ្មែរ &#7;Results'))).rejects.toThrow(/not well-formed XML/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('XLIFF import of a project with relations', () => {
  const PARTNER = 'api::partner.partner';
  const COUNTRY = 'api::country.country';

  it('creates the Khmer version linked to the Khmer versions of its countries; a partner without one is left out', async () => {
    // Made in the admin panel, the English version also links to the administrator who made it.
    const editor = await app.service('admin::user').create({
      email: `xliff-editor-${Date.now()}@example.org`, firstname: 'Xliff', lastname: 'Editor', password: 'Xliff-Editor-1234', isActive: true, registrationToken: null,
    });
    const cambodia = (await app.documents(COUNTRY).findFirst({ locale: 'en', filters: { slug: 'cambodia' } } as never)) as any;
    expect(await app.documents(COUNTRY).findOne({ documentId: cambodia.documentId, locale: 'km' } as never)).not.toBeNull();
    const partner = await app.documents(PARTNER).create({ locale: 'en', data: { name: 'English-only partner', slug: 'english-only-partner', kind: 'ngo' } } as never);
    const linked = await app.documents(PROJECT).create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'XLIFF project with countries',
        slug: 'xliff-project-with-countries',
        projectStatus: 'completed',
        countries: [cambodia.documentId],
        partners: [partner.documentId],
        createdBy: editor.id,
        updatedBy: editor.id,
      },
    } as never);
    fixtures.push([PROJECT, linked.documentId], [PARTNER, partner.documentId]);

    const { xml } = await xliff.exportXliff(app, { locale: 'km', documentId: linked.documentId });
    const summary = await xliff.importXliff(app, pseudoTranslate(xml));
    expect(summary).toEqual(expect.objectContaining({ created: 1, documents: 1 }));

    const km = (await app.documents(PROJECT).findOne({ documentId: linked.documentId, locale: 'km', populate: ['countries', 'partners'] } as never)) as any;
    expect(km).toMatchObject({ title: 'ខ្មែរ XLIFF project with countries', slug: 'xliff-project-with-countries', projectStatus: 'completed' });
    expect(km.countries).toEqual([expect.objectContaining({ documentId: cambodia.documentId, locale: 'km' })]);
    expect(km.partners).toEqual([]);
    // The English version keeps its own links.
    const en = (await app.documents(PROJECT).findOne({ documentId: linked.documentId, locale: 'en', populate: ['countries', 'partners'] } as never)) as any;
    expect(en.countries).toEqual([expect.objectContaining({ documentId: cambodia.documentId, locale: 'en' })]);
    expect(en.partners).toEqual([expect.objectContaining({ documentId: partner.documentId, locale: 'en' })]);
    await app.db.query('admin::user').delete({ where: { id: editor.id } });
  });
});

describe('npm run xliff', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) => cliWith({}, ...args);
  const cliWith = (env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, [path.join(appDir, 'scripts', 'xliff.js'), ...args], { cwd: appDir, env: { ...process.env, ...env } });

  it('exports to a file, refuses a broken import (exit code 1) and imports a translated one (exit code 0)', async () => {
    const out = path.join(appDir, '.tmp', `cli-export-${process.pid}.xlf`);
    try {
      const exported = await cli('export', '--locale', 'km', '--out', out, '--type', 'page', '--document', page);
      expect(exported.stderr).toMatch(/Exported 6 units of 1 documents/);
      const xml = fs.readFileSync(out, 'utf8');
      expect((await validate(xml)).valid).toBe(true);

      fs.writeFileSync(out, pseudoTranslate(xml).replace(/target-language="km"/g, 'target-language="th"'));
      await expect(cli('import', out)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/Nothing was imported[\s\S]*another target language \("th"\)/) });

      fs.writeFileSync(out, pseudoTranslate(xml).replace('ខ្មែរ XLIFF test page', 'ខ្មែរ CLI test page'));
      // The limit of the Translations page's upload (XLIFF_MAX_FILE_SIZE) holds here too, named in the message.
      const size = fs.statSync(out).size;
      await expect(cliWith({ XLIFF_MAX_FILE_SIZE: String(size - 1) }, 'import', out)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`larger than the XLIFF limit of \\d+ KB.[\\s\\S]*the limit is ${size - 1} bytes \\(XLIFF_MAX_FILE_SIZE\\)`)),
      });
      expect(((await app.documents(PAGE).findOne({ documentId: page, locale: 'km' } as never)) as any)?.title).not.toBe('ខ្មែរ CLI test page');

      const imported = await cli('import', out);
      expect(imported.stderr).toMatch(/Imported 6 units into 1 km drafts: [01] created, [01] updated, 0 units skipped .*Nothing was published\./);
      expect(((await app.documents(PAGE).findOne({ documentId: page, locale: 'km' } as never)) as any).title).toBe('ខ្មែរ CLI test page');
    } finally {
      fs.rmSync(out, { force: true });
    }
    // Four runs of the command, each starting the application: about a minute each on a busy 2-core machine.
  }, 360_000);
});

/** The units of an export as a translation tool sees them: id, resname, approval, state, source and target. */
const unitsOf = (xml: string) =>
  [...xml.matchAll(/<trans-unit id="([^"]*)" resname="([^"]*)"( approved="yes")? xml:space="preserve">\s*<source>([\s\S]*?)<\/source>\s*<target state="([^"]*)">([\s\S]*?)<\/target>/g)].map(
    ([, id, resname, approved, source, state, target]) => ({ id, resname, approved: Boolean(approved), state, source, target })
  );
const states = (xml: string) => Object.fromEntries(unitsOf(xml).map((unit) => [unit.resname, `${unit.approved ? 'approved ' : ''}${unit.state}`]));

describe('XLIFF states: the status of each text, as XLIFF 1.2 tools read it', () => {
  let doc: string;
  const exportDoc = () => xliff.exportXliff(app, { locale: 'km', documentId: doc });
  const kmTitle = async () => ((await app.documents(PROJECT).findOne({ documentId: doc, locale: 'km' } as never)) as any)?.title;

  beforeAll(async () => {
    const created = await app.documents(PROJECT).create({
      locale: 'en',
      status: 'published',
      data: { title: 'XLIFF states project', slug: 'xliff-states-project', summary: 'A summary.', background: [{ type: 'paragraph', children: [text('Some '), text('bold', { bold: true })] }] },
    } as never);
    doc = created.documentId;
    fixtures.push([PROJECT, doc]);
  });

  it('missing: needs-translation with an empty target; unit ids unique, prefixed by the document, resname the field', async () => {
    const { xml } = await exportDoc();
    expect(unitsOf(xml)).toEqual([
      { id: `${doc}/title`, resname: 'title', approved: false, state: 'needs-translation', source: 'XLIFF states project', target: '' },
      { id: `${doc}/summary`, resname: 'summary', approved: false, state: 'needs-translation', source: 'A summary.', target: '' },
      { id: `${doc}/background/0`, resname: 'background/0', approved: false, state: 'needs-translation', source: 'Some <g id="1" ctype="bold">bold</g>', target: '' },
    ]);
  });

  it('reads back: a unit still needs-translation (even with a text) or with an empty target changes nothing', async () => {
    const { xml } = await exportDoc();
    const file = xml.replace('<target state="needs-translation"></target>', '<target state="needs-translation">ខ្មែរ ចំណងជើង</target>');
    const summary = await xliff.importXliff(app, file);
    expect(summary).toEqual(expect.objectContaining({ documents: 0, units: 0, skipped: 3, created: 0 }));
    expect(await app.documents(PROJECT).findOne({ documentId: doc, locale: 'km' } as never)).toBeNull();
  });

  it('accepts files exported before unit ids had the document prefix', async () => {
    const { xml } = await exportDoc();
    const old = pseudoTranslate(xml).replace(/<trans-unit id="[^"/]+\//g, '<trans-unit id="');
    expect(old).toContain('<trans-unit id="title" resname="title"');
    const summary = await xliff.importXliff(app, old);
    expect(summary).toEqual(expect.objectContaining({ documents: 1, units: 3, created: 1, skipped: 0 }));
    expect(await kmTitle()).toBe('ខ្មែរ XLIFF states project');
  });

  it('draft: translated, not approved; published and up to date: approved="yes" and final', async () => {
    expect(states((await exportDoc()).xml)).toEqual({ title: 'translated', summary: 'translated', 'background/0': 'translated' });
    await app.documents(PROJECT).publish({ documentId: doc, locale: 'km' } as never);
    const { xml } = await exportDoc();
    expect(states(xml)).toEqual({ title: 'approved final', summary: 'approved final', 'background/0': 'approved final' });
    expect((await validate(xml)).errors).toEqual([]);
  });

  it('an approved unit keeps its approval through a round trip (export, import unchanged, export)', async () => {
    const { xml } = await exportDoc();
    const summary = await xliff.importXliff(app, xml);
    expect(summary).toEqual(expect.objectContaining({ documents: 1, units: 3, olderSource: [] }));
    expect(states((await exportDoc()).xml)).toEqual({ title: 'approved final', summary: 'approved final', 'background/0': 'approved final' });
  });

  it('a text changed in the Khmer draft only is translated again, not approved; the rest stays approved', async () => {
    await app.documents(PROJECT).update({ documentId: doc, locale: 'km', data: { summary: 'ខ្មែរ សេចក្តីសង្ខេបថ្មី' } } as never);
    expect(states((await exportDoc()).xml)).toEqual({ title: 'approved final', summary: 'translated', 'background/0': 'approved final' });
  });

  it('outdated: an English change makes its unit needs-review-translation, with the current English source', async () => {
    await app.documents(PROJECT).update({ documentId: doc, locale: 'en', data: { title: 'XLIFF states project, renamed' } } as never);
    const { xml } = await exportDoc();
    expect(states(xml)).toEqual({ title: 'needs-review-translation', summary: 'translated', 'background/0': 'approved final' });
    expect(unitsOf(xml)[0]).toEqual(expect.objectContaining({ source: 'XLIFF states project, renamed', target: 'ខ្មែរ XLIFF states project' }));
  });
});
