import type { Core, UID } from '@strapi/strapi';
import type { FieldHashes } from '../source';

/**
 * The source text a translation was made from, per localized field: what the side panel diffs
 * against the current source when the field is outdated. Kept by the translation status
 * (status.ts, refreshStatus), the one place that knows when a translation was saved, confirmed
 * "still correct" or imported from XLIFF: whenever a field's baseline (the source hash it was
 * translated from) becomes the current source, its text is recorded; a field whose baseline
 * stays older keeps the text recorded with it. Nothing is written when nothing changed, so an
 * edit of the source alone costs one read.
 */

export const SNAPSHOT_UID = 'plugin::translations.source-snapshot' as UID.ContentType;

export type SnapshotFields = Record<string, { hash: string; text: string }>;
export type SnapshotRow = { id: number; targetLocale: string; fields: SnapshotFields | null };

export const loadSnapshots = (strapi: Core.Strapi, uid: string, documentId: string): Promise<SnapshotRow[]> =>
  strapi.db.query(SNAPSHOT_UID).findMany({ select: ['id', 'targetLocale', 'fields'], where: { contentType: uid, entryDocumentId: documentId } });

export const findSnapshot = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<SnapshotFields> => {
  const row = await strapi.db.query(SNAPSHOT_UID).findOne({ select: ['fields'], where: { contentType: uid, entryDocumentId: documentId, targetLocale: locale } });
  return (row?.fields as SnapshotFields | null) ?? {};
};

type Sync = {
  uid: string;
  documentId: string;
  locale: string;
  existing: SnapshotRow | undefined;
  /** The source hashes the translation was made from; null when there is no translation. */
  baseline: FieldHashes | null;
  /** The current source hashes and (computed on demand) texts. */
  hashes: FieldHashes;
  texts: () => Record<string, string>;
};

export const syncSnapshot = async (strapi: Core.Strapi, { uid, documentId, locale, existing, baseline, hashes, texts }: Sync): Promise<void> => {
  const query = strapi.db.query(SNAPSHOT_UID);
  if (!baseline) {
    if (existing) await query.delete({ where: { id: existing.id } });
    return;
  }
  const before = existing?.fields ?? {};
  const fields: SnapshotFields = {};
  for (const [name, hash] of Object.entries(baseline)) {
    if (before[name]?.hash === hash) fields[name] = before[name];
    else if (hashes[name] === hash) fields[name] = { hash, text: texts()[name] ?? '' };
    // otherwise translated from a source text this site never saw (an older XLIFF export): unknown
  }
  if (existing && JSON.stringify(fields) === JSON.stringify(before)) return;
  if (existing) await query.update({ where: { id: existing.id }, data: { fields } });
  else await query.create({ data: { contentType: uid, entryDocumentId: documentId, targetLocale: locale, fields } });
};

export const deleteSnapshots = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<void> => {
  await strapi.db.query(SNAPSHOT_UID).deleteMany({ where: { contentType: uid, entryDocumentId: documentId } });
};
