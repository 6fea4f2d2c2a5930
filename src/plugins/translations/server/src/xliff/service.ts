import type { Core, UID } from '@strapi/strapi';
import { altTransFor, withAltTrans } from '../memory/alt-trans';
import { defaultLocale, hasDraftAndPublish, localeCodes, localizedApiTypes, schemaOf, targetLocales } from '../locales';
import { toDocumentData } from '../new-locale';
import { componentPopulate, fieldHashes, titleField, type FieldHashes } from '../source';
import { STATUS_UID, refreshStatus, resolveType } from '../status';
import { applyUnit, extractUnits, readTarget, sameTags, unitXml, type TargetState, type Unit } from './units';
import { elements, escapeAttribute, escapeText, parseXml, textOf, type XmlElement } from './xml';

/**
 * XLIFF 1.2 export and import of translations (one <file> per document, one <trans-unit> per
 * text; see units.ts). The import writes drafts only, in one transaction, and refuses the whole
 * file, explaining every problem, when anything is wrong with it.
 */

export class XliffError extends Error {
  constructor(
    message: string,
    readonly problems: string[]
  ) {
    super(`${message}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export type ExportOptions = {
  locale: string;
  type?: string;
  status?: 'missing' | 'outdated' | 'all';
  /** One document, or several. */
  documentId?: string | string[];
  onProgress?: (message: string) => void;
};
export type ExportResult = { xml: string; documents: number; units: number };

const CHUNK = 200;
const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const draftWhere = (strapi: Core.Strapi, uid: string) => (hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {});

/** The latest versions of some documents in a locale (English by default), with components (as the status hashes them). */
const loadSources = async (strapi: Core.Strapi, uid: string, documentIds: string[], locale?: string): Promise<Map<string, Record<string, unknown>>> => {
  const source = locale ?? (await defaultLocale(strapi));
  const result = new Map<string, Record<string, unknown>>();
  for (const ids of chunks(documentIds)) {
    const entries: Array<Record<string, unknown> & { documentId: string }> = await strapi.db.query(uid as UID.Schema).findMany({
      where: { documentId: { $in: ids }, locale: source, ...draftWhere(strapi, uid) },
      populate: componentPopulate(strapi, uid),
    });
    for (const entry of entries) result.set(entry.documentId, entry);
  }
  return result;
};

const checkTargetLocale = async (strapi: Core.Strapi, locale: string): Promise<void> => {
  const locales = await targetLocales(strapi);
  if (!locales.includes(locale)) throw new XliffError('Cannot export:', [`"${locale}" is not a translation locale (use one of: ${locales.join(', ')})`]);
};

export const exportXliff = async (strapi: Core.Strapi, options: ExportOptions): Promise<ExportResult> => {
  const { locale, status = 'all' } = options;
  await checkTargetLocale(strapi, locale);
  if (!['missing', 'outdated', 'all'].includes(status)) throw new XliffError('Cannot export:', [`--status must be missing, outdated or all (not "${status}")`]);
  const source = await defaultLocale(strapi);
  const types = options.type ? [resolveType(strapi, options.type)] : localizedApiTypes(strapi);

  const files: string[] = [];
  let units = 0;
  for (const uid of types) {
    let documentIds: string[];
    if (status === 'all') {
      const rows: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ select: ['documentId'], where: { locale: source, ...draftWhere(strapi, uid) } });
      documentIds = rows.map((row) => row.documentId);
    } else {
      const rows: Array<{ entryDocumentId: string }> = await strapi.db
        .query(STATUS_UID)
        .findMany({ select: ['entryDocumentId'], where: { contentType: uid, targetLocale: locale, state: status } });
      documentIds = rows.map((row) => row.entryDocumentId);
    }
    if (options.documentId) {
      const only = new Set(Array.isArray(options.documentId) ? options.documentId : [options.documentId]);
      documentIds = documentIds.filter((id) => only.has(id));
    }
    if (documentIds.length === 0) continue;

    const ids = [...new Set(documentIds)].sort();
    const sources = await loadSources(strapi, uid, ids);
    // Existing translations fill the targets: "translated" where the English has not changed since,
    // "needs-review-translation" in the fields it has (see import: those stay outdated until reviewed).
    const translations = await loadSources(strapi, uid, ids, locale);
    const outdated = new Map<string, string[]>();
    for (const chunk of chunks(ids)) {
      const rows: Array<{ entryDocumentId: string; outdatedFields: string[] | null }> = await strapi.db.query(STATUS_UID).findMany({
        select: ['entryDocumentId', 'outdatedFields'],
        where: { contentType: uid, targetLocale: locale, entryDocumentId: { $in: chunk } },
      });
      for (const row of rows) outdated.set(row.entryDocumentId, row.outdatedFields ?? []);
    }
    const field = titleField(strapi, uid);
    const typeName = schemaOf(strapi, uid).info?.displayName ?? uid;
    for (const [documentId, entry] of sources) {
      const documentUnits = extractUnits(strapi, uid, entry);
      if (documentUnits.length === 0) continue;
      units += documentUnits.length;
      const translation = translations.get(documentId);
      const translated = new Map(translation ? extractUnits(strapi, uid, translation).map((unit) => [unit.id, unit]) : []);
      const targetOf = (unit: Unit) => {
        const existing = translated.get(unit.id);
        if (!existing || !sameTags(unit, existing)) return undefined;
        const state: TargetState = outdated.get(documentId)?.includes(unit.field) ? 'needs-review-translation' : 'translated';
        return { content: existing.source, state };
      };
      const title = field ? String(entry[field] ?? '') : documentId;
      // Translation memory matches from other documents, for translation tools.
      const altTrans = await altTransFor(strapi, { locale, contentType: uid, documentId, sources: documentUnits.map((unit) => unit.source), indent: '      ' });
      files.push(
        [
          `  <file original="${escapeAttribute(`${uid}/${documentId}`)}" source-language="${source}" target-language="${locale}" datatype="database" product-name="Habitat CMS">`,
          '    <header>',
          '      <tool tool-id="habitat-cms" tool-name="Habitat CMS"/>',
          `      <note>${escapeText(`${typeName}: ${title}`)}</note>`,
          '    </header>',
          '    <body>',
          ...documentUnits.map((unit, index) => withAltTrans(unitXml(unit, '      ', targetOf(unit)), altTrans[index])),
          '    </body>',
          '  </file>',
        ].join('\n')
      );
    }
    options.onProgress?.(`${typeName}: ${sources.size} documents`);
  }
  if (options.documentId && files.length === 0) {
    throw new XliffError('Cannot export:', [`no document "${String(options.documentId)}" with text to translate matches the options`]);
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    ...files,
    '</xliff>',
    '',
  ].join('\n');
  return { xml, documents: files.length, units };
};

export type ImportSummary = {
  locale: string;
  documents: number;
  units: number;
  created: number;
  updated: number;
  skipped: number;
  /** Units translated from an older English text than the current one: saved, but the entry stays outdated. */
  olderSource: string[];
  /** Units or fields left untouched (no translation in the file, or no longer in the English text). */
  notes: string[];
};

type Translation = { unit: Unit; nodes: ReturnType<typeof readTarget>['nodes']; text: string; hash: string | null };
type PlannedDocument = {
  uid: string;
  documentId: string;
  label: string;
  /** Fields whose every text is translated in the file: the ones written. */
  complete: string[];
  translated: Map<string, Translation>;
  baseline: FieldHashes;
  exists: boolean;
  units: number;
};

/** The trans-units of a <body> or <group>, groups included. */
const collectUnits = (node: XmlElement): XmlElement[] =>
  elements(node).flatMap((child) => (child.name === 'trans-unit' ? [child] : child.name === 'group' ? collectUnits(child) : []));

/** "km", "km-KH" (when only km exists) → "km"; null when no locale matches. */
const matchLocale = (code: string | undefined, available: string[]): string | null => {
  if (!code) return null;
  if (available.includes(code)) return code;
  const primary = code.toLowerCase().split(/[-_]/)[0];
  return available.find((candidate) => candidate.toLowerCase() === primary) ?? null;
};

export const importXliff = async (strapi: Core.Strapi, xml: string, onProgress?: (message: string) => void): Promise<ImportSummary> => {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new XliffError('Nothing was imported:', [(error as Error).message]);
  }
  if (root.name !== 'xliff' || root.attributes.version !== '1.2') {
    throw new XliffError('Nothing was imported:', ['this is not an XLIFF 1.2 file (expected <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">)']);
  }
  const files = elements(root, 'file');
  if (files.length === 0) throw new XliffError('Nothing was imported:', ['the file contains no <file> element']);

  const problems: string[] = [];
  const source = await defaultLocale(strapi);
  const all = await localeCodes(strapi);
  const translationLocales = await targetLocales(strapi);
  const types = localizedApiTypes(strapi);

  // Which documents the file is about, and their current English text.
  const wanted = new Map<string, Set<string>>();
  let locale: string | null = null;
  for (const file of files) {
    const where = `<file original="${file.attributes.original ?? ''}"> (line ${file.line})`;
    const sourceLanguage = matchLocale(file.attributes['source-language'], all);
    if (sourceLanguage !== source) problems.push(`${where}: source-language is "${file.attributes['source-language']}", not ${source}`);
    const targetLanguage = file.attributes['target-language'];
    const matched = matchLocale(targetLanguage, translationLocales);
    if (!matched) {
      problems.push(`${where}: the file is for another target language ("${targetLanguage ?? 'none'}"); this site translates into ${translationLocales.join(', ')}`);
    } else if (locale && matched !== locale) {
      problems.push(`${where}: target-language ${matched} differs from the rest of the file (${locale})`);
    } else {
      locale = matched;
    }
    const [uid, documentId, ...rest] = (file.attributes.original ?? '').split('/');
    if (!types.includes(uid as UID.ContentType) || !documentId || rest.length > 0) {
      problems.push(`${where}: unknown content type "${uid}" (expected e.g. api::project.project/<documentId>)`);
      continue;
    }
    if (!wanted.has(uid)) wanted.set(uid, new Set());
    wanted.get(uid)!.add(documentId);
  }
  const sources = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [uid, ids] of wanted) sources.set(uid, await loadSources(strapi, uid, [...ids]));

  const existing = new Set<string>();
  const records = new Map<string, FieldHashes | null>();
  if (locale) {
    for (const [uid, ids] of wanted) {
      const rows: Array<{ documentId: string }> = await strapi.db
        .query(uid as UID.Schema)
        .findMany({ select: ['documentId'], where: { documentId: { $in: [...ids] }, locale } });
      for (const row of rows) existing.add(`${uid}/${row.documentId}`);
      const statuses: Array<{ entryDocumentId: string; sourceHashes: FieldHashes | null }> = await strapi.db
        .query(STATUS_UID)
        .findMany({ select: ['entryDocumentId', 'sourceHashes'], where: { contentType: uid, targetLocale: locale, entryDocumentId: { $in: [...ids] } } });
      for (const status of statuses) records.set(`${uid}/${status.entryDocumentId}`, status.sourceHashes);
    }
  }

  const summary: ImportSummary = { locale: locale ?? '', documents: 0, units: 0, created: 0, updated: 0, skipped: 0, olderSource: [], notes: [] };
  const planned: PlannedDocument[] = [];
  for (const file of files) {
    const [uid, documentId] = (file.attributes.original ?? '').split('/');
    const entry = sources.get(uid)?.get(documentId);
    if (!types.includes(uid as UID.ContentType)) continue;
    if (!entry) {
      problems.push(`<file original="${file.attributes.original}"> (line ${file.line}): unknown document "${documentId}" (no ${source} version of a ${uid.split('.').pop()} with this documentId)`);
      continue;
    }
    const field = titleField(strapi, uid);
    const label = `${uid.split('.').pop()} "${field ? String(entry[field] ?? documentId) : documentId}"`;
    const current = extractUnits(strapi, uid, entry);
    const byId = new Map(current.map((unit) => [unit.id, unit]));
    const currentHashes = fieldHashes(strapi, uid, entry);
    const translated = new Map<string, Translation>();

    const transUnits = elements(file, 'body').flatMap(collectUnits);
    for (const transUnit of transUnits) {
      const id = transUnit.attributes.id ?? '';
      const where = `${label}, unit "${id}" (line ${transUnit.line})`;
      const unit = byId.get(id);
      if (!unit) {
        summary.notes.push(`${where}: no longer in the ${source} text (it changed since the export); skipped`);
        summary.skipped += 1;
        continue;
      }
      const target = elements(transUnit, 'target')[0];
      if (!target || textOf(target).trim() === '') {
        summary.skipped += 1;
        continue;
      }
      const result = readTarget(unit, target);
      for (const problem of result.problems) problems.push(`${where}: ${problem}`);
      const hashContext = elements(transUnit, 'context-group')
        .flatMap((group) => elements(group, 'context'))
        .find((context) => context.attributes['context-type'] === 'x-source-hash');
      // A target still marked for review (pre-filled from an outdated translation) is saved, but not
      // counted as translated from the current English text: the entry stays outdated.
      const reviewed = target.attributes.state !== 'needs-review-translation';
      const hash = reviewed ? (hashContext ? textOf(hashContext).trim() : null) : 'not-reviewed';
      translated.set(id, { unit, nodes: result.nodes, text: result.text, hash });
    }

    // A field is written when every one of its texts is translated; otherwise it is left as it is.
    const fields = [...new Set(current.map((unit) => unit.field))];
    const complete = fields.filter((name) => current.filter((unit) => unit.field === name).every((unit) => translated.has(unit.id)));
    for (const name of fields.filter((candidate) => !complete.includes(candidate))) {
      const count = current.filter((unit) => unit.field === name && translated.has(unit.id)).length;
      if (count > 0) summary.notes.push(`${label}: field "${name}" is only partly translated in the file; left as it is`);
    }
    if (complete.length === 0) continue;

    const key = `${uid}/${documentId}`;
    const baseline: FieldHashes = { ...(records.get(key) ?? currentHashes) };
    for (const name of complete) {
      const hashes = current.filter((unit) => unit.field === name).map((unit) => translated.get(unit.id)!.hash ?? currentHashes[name]);
      const older = hashes.find((hash) => hash !== currentHashes[name]);
      baseline[name] = older ?? currentHashes[name];
      if (older === 'not-reviewed') summary.olderSource.push(`${label}, field "${name}": still marked needs-review-translation; saved, and stays outdated`);
      else if (older) summary.olderSource.push(`${label}, field "${name}": translated from an older ${source} text; saved, and stays outdated`);
    }
    const units = current.filter((unit) => complete.includes(unit.field)).length;
    planned.push({ uid, documentId, label, complete, translated, baseline, exists: existing.has(key), units });
  }

  if (problems.length > 0) throw new XliffError(`Nothing was imported: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the file.`, problems);
  if (!locale) throw new XliffError('Nothing was imported:', ['the file names no target language']);

  // The translated fields: the English structure (components, blocks, media) with the translated texts.
  const data = new Map<PlannedDocument, Record<string, unknown>>();
  for (const [uid, ids] of wanted) {
    const withMedia = new Map<string, Record<string, unknown>>();
    for (const chunk of chunks([...ids])) {
      const entries: Array<Record<string, unknown> & { documentId: string }> = await strapi.db.query(uid as UID.Schema).findMany({
        where: { documentId: { $in: chunk }, locale: source, ...draftWhere(strapi, uid) },
        populate: componentPopulate(strapi, uid, { media: true }),
      });
      for (const entry of entries) withMedia.set(entry.documentId, entry);
    }
    for (const plan of planned.filter((candidate) => candidate.uid === uid)) {
      const english = withMedia.get(plan.documentId)!;
      const values = toDocumentData(strapi, uid, Object.fromEntries(plan.complete.map((name) => [name, english[name]])));
      for (const translation of plan.translated.values()) {
        if (plan.complete.includes(translation.unit.field)) applyUnit(values, translation.unit, translation);
      }
      data.set(plan, values);
    }
  }

  await strapi.db.transaction(async () => {
    for (const [index, plan] of planned.entries()) {
      try {
        await strapi.documents(plan.uid as UID.ContentType).update({ documentId: plan.documentId, locale, data: data.get(plan) } as never);
      } catch (error) {
        const details = (error as { details?: { errors?: Array<{ path: string[]; message: string }> } }).details?.errors;
        throw new XliffError('Nothing was imported: a translation was refused.', [
          `${plan.label}: ${details?.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ') || (error as Error).message}`,
        ]);
      }
      await refreshStatus(strapi, plan.uid, plan.documentId, { baselines: { [locale!]: plan.baseline } });
      if (plan.exists) summary.updated += 1;
      else summary.created += 1;
      summary.units += plan.units;
      onProgress?.(`[${index + 1}/${planned.length}] ${plan.label}`);
    }
  });
  summary.documents = planned.length;
  return summary;
};
