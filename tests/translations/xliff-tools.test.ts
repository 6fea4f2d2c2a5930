import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import { appDir, distDir } from '../helpers/environment';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { toolkitPython } from './tools/toolkit';

/**
 * The XLIFF export read by translators' own tools: translate-toolkit (`pocount`, `xliff2po`, and its
 * Python library, as CAT tools built on it use it; Debian package `translate-toolkit`, installed by
 * .ci/run) and the `xliff` npm package.
 */

const PROJECT = 'api::project.project';
const STATUS = 'plugin::translations.status';
const run = promisify(execFile);
const workDir = path.join(appDir, '.tmp', `xliff-tools-${process.pid}`);

let app: Core.Strapi;
let xliff: {
  exportXliff: (app: Core.Strapi, options: Record<string, unknown>) => Promise<{ xml: string; documents: number; units: number }>;
  importXliff: (app: Core.Strapi, xml: string) => Promise<Record<string, any>>;
};
const fixtures: string[] = [];

type ExportedUnit = { file: string; id: string; resname: string; approved: boolean; state: string; source: string; target: string };
/** Every unit of an export, with its <file>. */
const unitsOf = (xml: string): ExportedUnit[] =>
  xml.split('<file ').slice(1).flatMap((file) => {
    const original = /original="([^"]*)"/.exec(file)![1];
    return [...file.matchAll(/<trans-unit id="([^"]*)" resname="([^"]*)"( approved="yes")? xml:space="preserve">\s*<source>([\s\S]*?)<\/source>\s*<target state="([^"]*)">([\s\S]*?)<\/target>/g)].map(
      ([, id, resname, approved, source, state, target]) => ({ file: original.replace(/&amp;/g, '&'), id, resname, approved: Boolean(approved), state, source, target })
    );
  });

const save = (name: string, xml: string) => {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, xml);
  return file;
};

/** pocount's full report: { Translated, Fuzzy, Untranslated, Total, Final, Needs-Review, … } in strings. */
const pocount = async (file: string): Promise<Record<string, number>> => {
  const { stdout } = await run('pocount', ['--no-color', file]);
  return Object.fromEntries([...stdout.matchAll(/^([A-Za-z-]+):\s+(\d+)/gm)].map(([, name, count]) => [name, Number(count)]));
};

const createProject = async (slug: string, km?: { title: string; summary: string }) => {
  const created = await app.documents(PROJECT).create({
    locale: 'en',
    status: 'published',
    data: { title: `Tools ${slug}`, slug: `xliff-tools-${slug}`, summary: `The ${slug} summary.` },
  } as never);
  fixtures.push(created.documentId);
  if (km) await app.documents(PROJECT).update({ documentId: created.documentId, locale: 'km', status: 'published', data: km } as never);
  return created.documentId as string;
};

let outdated: string;
let published: string;
let untranslated: string;

beforeAll(async () => {
  fs.mkdirSync(workDir, { recursive: true });
  app = await startStrapi();
  xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
  outdated = await createProject('outdated', { title: 'ហួសសម័យ', summary: 'សេចក្តីសង្ខេបចាស់។' });
  await app.documents(PROJECT).update({ documentId: outdated, locale: 'en', data: { summary: 'A changed English summary.' } } as never);
  published = await createProject('published', { title: 'បានបោះពុម្ព', summary: 'សេចក្តីសង្ខេប។' });
  untranslated = await createProject('untranslated');
});

afterAll(async () => {
  for (const documentId of fixtures) await app.documents(PROJECT).delete({ documentId, locale: '*' } as never);
  await stopStrapi(app);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('translate-toolkit', () => {
  it('pocount counts published, up-to-date units as translated, outdated ones as needing review, missing ones as untranslated', async () => {
    const { xml } = await xliff.exportXliff(app, { locale: 'km', type: 'project' });
    const units = unitsOf(xml);
    const counts = await pocount(save('projects.xlf', xml));
    expect(counts.Total).toBe(units.length);
    expect(counts.Translated).toBe(units.filter((unit) => unit.approved && unit.state === 'final').length);
    expect(counts['Needs-Review']).toBe(units.filter((unit) => unit.state === 'needs-review-translation').length);
    expect(counts.Untranslated).toBe(units.filter((unit) => unit.target === '').length);
    expect(counts.Fuzzy).toBe(units.filter((unit) => !unit.approved && unit.target !== '').length);

    // The demo site as it is: every unit of a project whose Khmer version is published and up to date
    // counts as translated, not fuzzy.
    const rows: Array<{ entryDocumentId: string; state: string }> = await app.db
      .query(STATUS)
      .findMany({ select: ['entryDocumentId', 'state'], where: { contentType: PROJECT, targetLocale: 'km' } });
    const upToDate = new Set(rows.filter((row) => row.state === 'up-to-date').map((row) => `${PROJECT}/${row.entryDocumentId}`));
    const upToDateUnits = units.filter((unit) => upToDate.has(unit.file));
    expect(upToDateUnits.length).toBeGreaterThan(50);
    expect(upToDateUnits.filter((unit) => !unit.approved)).toEqual([]);
    // and so does a unit of an outdated project whose own text did not change (the fixture's title).
    expect(counts.Translated).toBeGreaterThanOrEqual(upToDateUnits.length + 1);

    const of = (documentId: string) => units.filter((unit) => unit.file === `${PROJECT}/${documentId}`).map((unit) => `${unit.resname}: ${unit.approved ? 'approved ' : ''}${unit.state}`);
    expect(of(outdated)).toEqual(['title: approved final', 'summary: needs-review-translation']);
    expect(of(untranslated)).toEqual(['title: needs-translation', 'summary: needs-translation']);
  });

  it('xliff2po converts the export of every type without a warning, one PO entry per unit', async () => {
    const { xml } = await xliff.exportXliff(app, { locale: 'km' });
    const po = path.join(workDir, 'all.po');
    const { stderr } = await run('xliff2po', ['--progress=none', save('all.xlf', xml), po]);
    expect(stderr).toBe('');
    const entries = fs.readFileSync(po, 'utf8').match(/^msgid /gm)!.length - 1; // less the header
    expect(entries).toBe(unitsOf(xml).length);

    // The same export with the ids of older exports (the path only, repeated across <file>s) loses units.
    const old = xml.replace(/<trans-unit id="[^"/]+\//g, '<trans-unit id="');
    const before = await run('xliff2po', ['--progress=none', save('old-ids.xlf', old), path.join(workDir, 'old.po')]);
    expect(before.stderr).toMatch(/Duplicate unit/);
  });

  it('a round trip through a translation tool changes exactly the units it translated', async () => {
    const documentId = [outdated, published, untranslated];
    const before = unitsOf((await xliff.exportXliff(app, { locale: 'km', documentId })).xml);
    const translations = {
      [`${untranslated}/title`]: 'គម្រោងមិនទាន់បកប្រែ',
      [`${untranslated}/summary`]: 'សេចក្តីសង្ខេបថ្មី។',
      [`${published}/title`]: 'បានកែប្រែ',
    };
    const exported = save('round-trip.xlf', (await xliff.exportXliff(app, { locale: 'km', documentId })).xml);
    const translated = path.join(workDir, 'round-trip-translated.xlf');
    await run(toolkitPython(), [path.join(__dirname, 'tools', 'translate-units.py'), exported, translated, JSON.stringify(translations)]);

    const summary = await xliff.importXliff(app, fs.readFileSync(translated, 'utf8'));
    expect(summary).toEqual(expect.objectContaining({ created: 1, updated: 2, skipped: 0 }));
    const after = unitsOf((await xliff.exportXliff(app, { locale: 'km', documentId })).xml);

    const changed = after.filter((unit, index) => unit.target !== before[index].target || unit.state !== before[index].state || unit.approved !== before[index].approved);
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(changed.map((unit) => [unit.id, unit.target, unit.state, unit.approved]).sort(byId)).toEqual(
      Object.entries(translations)
        .map(([id, target]) => [id, target, 'translated', false]) // saved as drafts: translated, not yet approved
        .sort(byId)
    );
    expect(after.map((unit) => unit.id)).toEqual(before.map((unit) => unit.id));
    // What readers see is unchanged until a translator publishes.
    const live = (await app.documents(PROJECT).findOne({ documentId: published, locale: 'km', status: 'published' } as never)) as { title: string };
    expect(live.title).toBe('បានបោះពុម្ព');
  });
});

describe('the xliff npm package', () => {
  it('reads source, target and approval of every unit (it does not read <target state>)', async () => {
    const { xliff12ToJs } = require('xliff') as { xliff12ToJs: (xml: string) => Promise<{ resources: Record<string, Record<string, any>> }> };
    const { xml } = await xliff.exportXliff(app, { locale: 'km' });
    const units = unitsOf(xml);
    const { resources } = await xliff12ToJs(xml);
    expect(Object.values(resources).reduce((count, file) => count + Object.keys(file).length, 0)).toBe(units.length);
    for (const unit of units) {
      const read = resources[unit.file][unit.id];
      expect(read.source).toBeDefined();
      expect(read.target === '' || read.target === undefined).toBe(unit.target === '');
      expect(read.additionalAttributes.resname).toBe(unit.resname);
      expect(read.additionalAttributes.approved === 'yes').toBe(unit.approved);
    }
    expect(units.some((unit) => unit.approved)).toBe(true);
  });
});
