import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { emptyDatabase, type ScratchDatabase } from '../helpers/databases';
import { appDir } from '../helpers/environment';
import { runScript } from '../helpers/scripts';
import { naturalSnapshot } from '../helpers/snapshot';
import { startStrapi, stopStrapi } from '../helpers/strapi';

// `npm run seed` and `npm run xliff -- import` killed (SIGKILL) half way through, on a database of
// their own: what they leave is consistent, and running them again completes the work.
type Snapshot = Record<string, Array<Record<string, unknown>>>;

const work = path.join(appDir, '.tmp', `interrupted-${process.pid}`);
let database: ScratchDatabase;
let completeDatabase: ScratchDatabase | undefined;
let env: Record<string, string>;
let complete: Snapshot;

const snapshotOf = async (): Promise<Snapshot> => {
  const app = await startStrapi({ ...env, SEED_DEMO: 'false' });
  try {
    return await naturalSnapshot(app);
  } finally {
    await stopStrapi(app);
  }
};

const withApp = async <T>(work: (app: Core.Strapi) => Promise<T>): Promise<T> => {
  const app = await startStrapi({ ...env, SEED_DEMO: 'false' });
  try {
    return await work(app);
  } finally {
    await stopStrapi(app);
  }
};

type Row = Record<string, unknown>;
const keyOf = (row: Row) => row.documentId ?? row.entryDocumentId;

/** `value` without references (relations) to documents that are not in `present`. */
const withoutReferencesOutside = (value: unknown, present: Set<unknown>): unknown => {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(item && typeof item === 'object' && 'documentId' in item && !present.has((item as Row).documentId)))
      .map((item) => withoutReferencesOutside(item, present));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).map(([key, inner]) => [key, withoutReferencesOutside(inner, present)]));
  }
  return value;
};

/**
 * What `whole` (a complete load) holds about the documents present in `part`: their versions,
 * components, media, translation status, and their relations among themselves.
 */
const sameDocumentsAs = (part: Snapshot, whole: Snapshot): Snapshot => {
  const present = new Set(Object.entries(part).flatMap(([key, rows]) => (key.startsWith('api::') ? rows.map(keyOf) : [])));
  const files = new Set(part['plugin::upload.file'].map((file) => file.name));
  return Object.fromEntries(
    Object.entries(whole).map(([key, rows]) => {
      if (key === 'plugin::upload.file') return [key, rows.filter((file) => files.has(file.name))];
      if (!key.startsWith('api::') && key !== 'plugin::translations.status') return [key, rows];
      return [key, rows.filter((row) => present.has(keyOf(row))).map((row) => withoutReferencesOutside(row, present) as Row)];
    })
  );
};

beforeAll(async () => {
  fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(work, 'complete', 'uploads'), { recursive: true });
  database = await emptyDatabase('interrupted');
  env = { ...database.env, PUBLIC_DIR: path.relative(appDir, path.join(work, 'public')) };
  // What a complete load gives: a first boot on an empty database of its own. Not the shared test
  // database, which the test files that ran before this one have edited (a cover's alternative
  // text, a source title that makes a translation outdated).
  completeDatabase = await emptyDatabase('complete');
  const app = await startStrapi({ ...completeDatabase.env, PUBLIC_DIR: path.relative(appDir, path.join(work, 'complete')) });
  try {
    complete = await naturalSnapshot(app);
  } finally {
    await stopStrapi(app);
    await completeDatabase.drop();
  }
});
afterAll(async () => {
  await database?.drop();
  await completeDatabase?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a seed killed half way', () => {
  it('leaves whole documents or none, and the rerun completes the load', async () => {
    const killed = await runScript('seed.js', [], env, (output) => /\[seed\] countries/.test(output) && /\[seed\] programmes/.test(output));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.output).not.toMatch(/\[seed\] pages/);

    const partial = await snapshotOf();
    const projects = partial['api::project.project'].length;
    expect(partial['api::country.country'].length).toBe(complete['api::country.country'].length);
    expect(projects).toBeLessThan(complete['api::project.project'].length);
    // Every document present has all its locales (draft and published), components, relations and media links.
    expect(partial).toEqual(sameDocumentsAs(partial, complete));

    const rerun = await runScript('seed.js', [], env);
    expect(rerun.code).toBe(0);
    expect(await snapshotOf()).toEqual(complete);
  });
});

describe('an XLIFF import killed half way', () => {
  it('changes nothing (one transaction), and the rerun imports everything', async () => {
    const file = path.join(work, 'km.xlf');
    const xml = await withApp(async (app) => {
      const xliff = require(path.join(appDir, 'dist', 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
      return (await xliff.exportXliff(app, { locale: 'km', status: 'all' })).xml as string;
    });
    // A translator's revision of every segment: a mark at the end of each Khmer target, which the
    // translator's tool then marks translated (an untranslated unit would be skipped by the import).
    const revised = xml.replace(/<target\b[^>]*>([\s\S]*?)<\/target>/g, '<target state="translated">$1៚</target>');
    expect(revised).not.toBe(xml);
    fs.writeFileSync(file, revised);
    const before = await snapshotOf();

    const killed = await runScript('xliff.js', ['import', file], { ...env, SEED_DEMO: 'false' }, (output) => /\[3\/\d+\]/.test(output));
    expect(killed.signal).toBe('SIGKILL');
    expect(await snapshotOf()).toEqual(before);

    const rerun = await runScript('xliff.js', ['import', file], { ...env, SEED_DEMO: 'false' });
    expect(rerun.code).toBe(0);
    expect(Number(/Imported (\d+) units/.exec(rerun.output)?.[1])).toBe(revised.match(/<trans-unit\b/g)!.length);
    const after = await snapshotOf();
    const drafts = after['api::project.project'].filter((row) => row.locale === 'km' && row.published === false);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((row) => String(row.title).endsWith('៚'))).toBe(true);
  });
});
