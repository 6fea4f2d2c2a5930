import type { Core, UID } from '@strapi/strapi';
import { defaultLocale, hasDraftAndPublish, localizedApiTypes, targetLocales } from '../locales';
import { componentPopulate, hashOf, localizedFields } from '../source';
import { fieldSegments } from '../texts';
import { memoryIndex } from './lookup';
import { keyOf, pairsOf } from './segments';

/**
 * The translation memory's table (`translation_memory`): for every translated document, the
 * pairs of its source and target texts (segments.ts), rewritten after every write of the
 * document by the translation status (status.ts calls updateMemory), and rebuilt from all
 * content by `npm run memory:rebuild`. Only fields that are not outdated are taken (an outdated
 * translation does not translate the current source). An entry is `published` when the
 * translation's published version has the same text in that field: lookups offer only those
 * unless drafts are asked for.
 */

export const MEMORY_UID = 'plugin::translations.memory-entry' as UID.ContentType;

type Row = { id: number; targetLocale: string; path: string; sourceKey: string; targetText: string; published: boolean };
type Entry = Omit<Row, 'id'> & { sourceText: string };

export type MemoryPlan = {
  sourceLocale: string;
  /** The source version (the default locale's latest), loaded with componentPopulate; null when gone. */
  source: Record<string, unknown> | null;
  /** Per target locale, the fields whose translation is outdated (not taken). */
  outdated: Record<string, string[]>;
};

const loadVersions = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string) => {
  const versions: Array<Record<string, unknown>> = await strapi.db.query(uid as UID.Schema).findMany({
    where: { documentId, locale },
    populate: componentPopulate(strapi, uid),
  });
  const draftAndPublish = hasDraftAndPublish(strapi, uid);
  return {
    draft: versions.find((version) => !draftAndPublish || version.publishedAt === null) ?? null,
    published: draftAndPublish ? (versions.find((version) => version.publishedAt !== null) ?? null) : (versions[0] ?? null),
  };
};

const entriesOf = async (strapi: Core.Strapi, uid: string, documentId: string, plan: MemoryPlan): Promise<Entry[]> => {
  if (!plan.source) return [];
  const entries: Entry[] = [];
  for (const [locale, outdated] of Object.entries(plan.outdated)) {
    const { draft, published } = await loadVersions(strapi, uid, documentId, locale);
    if (!draft) continue;
    for (const field of localizedFields(strapi, uid).filter((name) => !outdated.includes(name))) {
      const isPublished = published !== null && hashOf(published[field]) === hashOf(draft[field]);
      const pairs = pairsOf(fieldSegments(strapi, uid, field, plan.source[field]), fieldSegments(strapi, uid, field, draft[field]));
      for (const pair of pairs) {
        entries.push({ targetLocale: locale, path: pair.path.slice(0, 255), sourceKey: keyOf(pair.sourceText), sourceText: pair.sourceText, targetText: pair.targetText, published: isPublished });
      }
    }
  }
  return entries;
};

const identity = (entry: Omit<Entry, 'sourceText'>) => JSON.stringify([entry.targetLocale, entry.path, entry.sourceKey, entry.targetText, Boolean(entry.published)]);

/** Rewrites the memory entries of one document; only what changed is deleted and inserted. */
export const updateMemory = async (strapi: Core.Strapi, uid: string, documentId: string, plan: MemoryPlan): Promise<void> => {
  const query = strapi.db.query(MEMORY_UID);
  const wanted = await entriesOf(strapi, uid, documentId, plan);
  const existing: Row[] = await query.findMany({
    select: ['id', 'targetLocale', 'path', 'sourceKey', 'targetText', 'published'],
    where: { contentType: uid, entryDocumentId: documentId },
  });
  const keep = new Map<string, Row>();
  const stale: number[] = [];
  for (const row of existing) {
    const key = identity(row);
    if (keep.has(key)) stale.push(row.id);
    else keep.set(key, row);
  }
  const wantedKeys = new Set(wanted.map(identity));
  for (const [key, row] of keep) if (!wantedKeys.has(key)) stale.push(row.id);
  const added = wanted.filter((entry) => !keep.has(identity(entry)));
  if (stale.length === 0 && added.length === 0) return;

  if (stale.length > 0) await query.deleteMany({ where: { id: { $in: stale } } });
  const ids: number[] = [];
  for (let start = 0; start < added.length; start += 200) {
    const data = added.slice(start, start + 200).map((entry) => ({ ...entry, contentType: uid, entryDocumentId: documentId, sourceLocale: plan.sourceLocale }));
    const result = (await query.createMany({ data })) as { ids?: Array<number | { id: number }> };
    ids.push(...(result.ids ?? []).map((id) => (typeof id === 'object' ? id.id : id)));
  }
  // Without the new ids (a database that does not return them), the index reloads on its next lookup.
  const inserted = ids.length === added.length ? added.map((entry, index) => ({ ...entry, id: ids[index], contentType: uid, entryDocumentId: documentId })) : null;
  await memoryIndex(strapi).changed(stale, inserted);
};

export const deleteMemory = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<void> => {
  const query = strapi.db.query(MEMORY_UID);
  const rows: Array<{ id: number }> = await query.findMany({ select: ['id'], where: { contentType: uid, entryDocumentId: documentId } });
  if (rows.length === 0) return;
  await query.deleteMany({ where: { id: { $in: rows.map((row) => row.id) } } });
  await memoryIndex(strapi).changed(rows.map((row) => row.id), []);
};

/** `npm run memory:rebuild`: the memory of every translated document, from scratch. */
export const rebuildMemory = async (strapi: Core.Strapi, onProgress?: (message: string) => void): Promise<number> => {
  const sourceLocale = await defaultLocale(strapi);
  const locales = await targetLocales(strapi);
  await strapi.db.query(MEMORY_UID).deleteMany({});
  memoryIndex(strapi).forget();
  let documents = 0;
  for (const uid of localizedApiTypes(strapi)) {
    const draftWhere = hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {};
    const ids: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ select: ['documentId'], where: { locale: sourceLocale, ...draftWhere } });
    const statuses: Array<{ entryDocumentId: string; targetLocale: string; outdatedFields: string[] | null; state: string }> = await strapi.db
      .query('plugin::translations.status' as UID.ContentType)
      .findMany({ select: ['entryDocumentId', 'targetLocale', 'outdatedFields', 'state'], where: { contentType: uid } });
    const outdatedByDocument = new Map<string, Record<string, string[]>>();
    for (const status of statuses) {
      if (status.state === 'missing' || !locales.includes(status.targetLocale)) continue;
      const outdated = outdatedByDocument.get(status.entryDocumentId) ?? {};
      outdated[status.targetLocale] = status.outdatedFields ?? [];
      outdatedByDocument.set(status.entryDocumentId, outdated);
    }
    for (const [index, { documentId }] of ids.entries()) {
      const outdated = outdatedByDocument.get(documentId);
      if (!outdated) continue;
      const source = await strapi.db.query(uid).findOne({ where: { documentId, locale: sourceLocale, ...draftWhere }, populate: componentPopulate(strapi, uid) });
      await updateMemory(strapi, uid, documentId, { sourceLocale, source, outdated });
      documents += 1;
      if ((index + 1) % 500 === 0) onProgress?.(`${uid}: ${index + 1}/${ids.length}`);
    }
    onProgress?.(`${uid}: ${ids.length} documents`);
  }
  return documents;
};
