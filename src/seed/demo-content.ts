import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { createDocumentIndex } from './document-index';
import { entryData, type SeedContext } from './entry-data';
import { createMediaLibrary } from './media';

/** Seed files in dependency order: a type comes after every type it points to. */
const SEED_FILES: Array<[file: string, uid: UID.ContentType]> = [
  ['themes', 'api::theme.theme'],
  ['partners', 'api::partner.partner'],
  ['countries', 'api::country.country'],
  ['programmes', 'api::programme.programme'],
  ['projects', 'api::project.project'],
  ['publications', 'api::publication.publication'],
  ['speeches', 'api::speech.speech'],
  ['vacancies', 'api::vacancy.vacancy'],
  ['photo-galleries', 'api::photo-gallery.photo-gallery'],
  ['voices', 'api::voice.voice'],
  ['pages', 'api::page.page'],
  ['global', 'api::global.global'],
];
const DEFAULT_LOCALE = 'en';
const TRANSLATIONS = ['km'];

type Entry = Record<string, unknown> & { slug?: string };

const shared = (strapi: Core.Strapi, uid: UID.ContentType): string[] =>
  (strapi.plugin('translations').service('shared-fields') as { fields(uid: string): string[] }).fields(uid);
type Tally = { created: number; translated: number; present: number };

const readEntries = (dir: string, file: string): Entry[] => {
  const parsed = JSON.parse(fs.readFileSync(path.join(dir, `${file}.json`), 'utf8')) as Entry | Entry[];
  return Array.isArray(parsed) ? parsed : [parsed];
};

/**
 * Adds whatever part of one entry is missing: the document (published, in English), then each
 * translation the seed has and the database lacks. Versions that already exist are left as they
 * are, so running the seed again never overwrites an editor's or a translator's work. One
 * transaction per entry: a load that is killed leaves whole documents (every locale, component,
 * relation and media link) or none, and the next run carries on from there.
 */
const seedEntry = (ctx: SeedContext, uid: UID.ContentType, entry: Entry, where: string, tally: Tally) =>
  ctx.strapi.db.transaction(() => addMissingVersions(ctx, uid, entry, where, tally));

const addMissingVersions = async (ctx: SeedContext, uid: UID.ContentType, entry: Entry, where: string, tally: Tally) => {
  const slug = entry.slug ?? null;
  const documents = ctx.strapi.documents(uid);
  let ref = await ctx.documents.find(uid, slug);

  if (!ref) {
    const data = await entryData(ctx, uid, entry, DEFAULT_LOCALE, where);
    const created = await documents.create({ locale: DEFAULT_LOCALE, data, status: 'published' } as never);
    ctx.documents.remember(uid, slug, created.documentId, DEFAULT_LOCALE);
    ref = await ctx.documents.find(uid, slug);
    tally.created += 1;
  } else {
    tally.present += 1;
  }

  for (const locale of TRANSLATIONS) {
    if (!entry[locale] || ref!.locales.has(locale)) continue;
    // Without the shared fields: the new version takes the document's (shared-fields.ts), which an
    // editor may have changed since the seed; sending the seed's would overwrite them in every locale.
    const data = await entryData(ctx, uid, entry, locale, where);
    for (const name of shared(ctx.strapi, uid)) delete data[name];
    await documents.update({ documentId: ref!.documentId, locale, data, status: 'published' } as never);
    ctx.documents.remember(uid, slug, ref!.documentId, locale);
    tally.translated += 1;
  }
};

/**
 * Loads the demo content of database/seeds into the database through the Document Service,
 * idempotently, logging its progress type by type.
 */
export const loadDemoContent = async (strapi: Core.Strapi): Promise<void> => {
  const seedsDir = path.join(strapi.dirs.app.root, 'database', 'seeds');
  const ctx: SeedContext = {
    strapi,
    media: createMediaLibrary(strapi, path.join(seedsDir, 'media')),
    documents: createDocumentIndex(strapi),
    warn: (message) => strapi.log.warn(`[seed] ${message}`),
  };
  const started = Date.now();
  strapi.log.info('[seed] Loading demo content (English and Khmer)…');

  for (const [file, uid] of SEED_FILES) {
    const entries = readEntries(seedsDir, file);
    const tally: Tally = { created: 0, translated: 0, present: 0 };
    const typeStarted = Date.now();
    for (const [i, entry] of entries.entries()) {
      await seedEntry(ctx, uid, entry, `seeds/${file}.json[${i}]${entry.slug ? ` (${entry.slug})` : ''}`, tally);
    }
    strapi.log.info(
      `[seed] ${file.padEnd(15)} ${entries.length} entries: ${tally.created} created, ` +
        `${tally.translated} translations added, ${tally.present} already present (${Date.now() - typeStarted} ms)`
    );
  }
  strapi.log.info(`[seed] Demo content loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
