import type { Core, UID } from '@strapi/strapi';
import { permissionPath, type ContentAccess } from '../access';
import { altTransFor, withAltTrans } from '../memory/alt-trans';
import { defaultLocale, hasDraftAndPublish, localeCodes, localizedApiTypes, schemaOf, targetLocales } from '../locales';
import { toDocumentData } from '../document-data';
import { componentPopulate, fieldHashes, titleField, type FieldHashes } from '../source';
import { STATUS_UID, refreshStatus, resolveType } from '../status';
import { applyUnit, extractUnits, readTarget, readUnitState, unitPath, unitStatus, unitXml, type Unit } from './units';
import { elements, escapeAttribute, escapeText, parseXml, textOf, withoutNonXmlCharacters, type XmlElement } from './xml';

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

/** The caller's role does not allow it (403): nothing was written, or nothing is left to show. */
export class XliffAccessError extends XliffError {}

/** The file is larger than the XLIFF limit (413). */
export class XliffTooLargeError extends XliffError {}

const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

/**
 * The largest XLIFF file the import takes, in bytes: the plugin's `xliffMaxFileSize`
 * (XLIFF_MAX_FILE_SIZE in config/plugins.ts). The Translations page, its upload route and
 * `npm run xliff -- import` all read it from here.
 */
export const xliffMaxFileSize = (strapi: Core.Strapi): number =>
  Number(strapi.config.get('plugin::translations.xliffMaxFileSize', DEFAULT_MAX_FILE_SIZE));

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;

/** Refuses a file over the limit before it is read. */
export const checkXliffSize = (strapi: Core.Strapi, bytes: number): void => {
  const limit = xliffMaxFileSize(strapi);
  if (bytes > limit) {
    throw new XliffTooLargeError(`Nothing was imported: the file is larger than the XLIFF limit of ${formatBytes(limit)}.`, [
      `the file has ${bytes} bytes, the limit is ${limit} bytes (XLIFF_MAX_FILE_SIZE): export fewer documents per file (by type or status)`,
    ]);
  }
};

/** The bytes of an uploaded file as text: UTF-8, as XLIFF files are, or refused (never read with replacement characters). */
export const decodeXliff = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new XliffError('Nothing was imported:', ['the file is not UTF-8 text (save it as UTF-8 XLIFF)']);
  }
};

export type ExportOptions = {
  locale: string;
  type?: string;
  status?: 'missing' | 'outdated' | 'all';
  /** One document, or several. */
  documentId?: string | string[];
  onProgress?: (message: string) => void;
  /** Whose rights the export obeys: types, locales and fields the role cannot read are left out. */
  access?: ContentAccess;
};
export type ExportResult = {
  xml: string;
  documents: number;
  units: number;
  /** Characters XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF, lone surrogates), left out of the file. */
  removedCharacters: number;
};

const nonXmlNote = (count: number) =>
  `${count} character${count > 1 ? 's' : ''} that XML cannot carry (control characters such as U+0000 to U+001F other than tab and line breaks, U+FFFE, U+FFFF) left out of this document's texts`;

const CHUNK = 200;
const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const draftWhere = (strapi: Core.Strapi, uid: string) => (hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {});
const publishedWhere = (strapi: Core.Strapi, uid: string) => (hasDraftAndPublish(strapi, uid) ? { publishedAt: { $notNull: true } } : {});

/** The latest (or published) versions of some documents in a locale (English by default), with components (as the status hashes them). */
const loadSources = async (
  strapi: Core.Strapi,
  uid: string,
  documentIds: string[],
  locale?: string,
  version: 'draft' | 'published' = 'draft'
): Promise<Map<string, Record<string, unknown>>> => {
  const source = locale ?? (await defaultLocale(strapi));
  const result = new Map<string, Record<string, unknown>>();
  for (const ids of chunks(documentIds)) {
    const entries: Array<Record<string, unknown> & { documentId: string }> = await strapi.db.query(uid as UID.Schema).findMany({
      where: { documentId: { $in: ids }, locale: source, ...(version === 'draft' ? draftWhere(strapi, uid) : publishedWhere(strapi, uid)) },
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
  const { access } = options;
  // The file holds the source text and the existing translations: both locales must be readable.
  const readable = (uid: string, field?: string) => !access || [source, locale].every((code) => access.can('read', uid, { locale: code }, field));
  const types = (options.type ? [resolveType(strapi, options.type)] : localizedApiTypes(strapi)).filter((uid) => readable(uid));
  if (types.length === 0) {
    const why = `your role may not read ${options.type ? `"${options.type}"` : 'any translated type'} in both ${source} and ${locale}`;
    throw new XliffAccessError(`Cannot export: ${why}.`, [why]);
  }

  const files: string[] = [];
  let units = 0;
  let removed = 0;
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
    // Existing translations fill the targets, each unit in the state of units.ts (XLIFF_STATE): final
    // and approved as published, translated as a draft, needs-review-translation where the English changed.
    const translations = await loadSources(strapi, uid, ids, locale);
    const published = await loadSources(strapi, uid, ids, locale, 'published');
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
      const documentUnits = extractUnits(strapi, uid, entry).filter((unit) => readable(uid, permissionPath(strapi, uid, unit.valuePath)));
      if (documentUnits.length === 0) continue;
      units += documentUnits.length;
      const translation = translations.get(documentId);
      const unitsOf = (version?: Record<string, unknown>) => new Map(version ? extractUnits(strapi, uid, version).map((unit) => [unit.id, unit]) : []);
      const translated = unitsOf(translation);
      const publishedUnits = unitsOf(published.get(documentId));
      const targetOf = (unit: Unit) => {
        const status = unitStatus(unit, translated.get(unit.id), publishedUnits.get(unit.id), outdated.get(documentId) ?? []);
        return status === 'missing' ? undefined : { content: translated.get(unit.id)!.source, status };
      };
      const title = field && readable(uid, field) ? String(entry[field] ?? '') : documentId;
      // Translation memory matches from other documents (of types the caller may read), for translation tools.
      const altTrans = await altTransFor(strapi, {
        locale,
        contentType: uid,
        documentId,
        sources: documentUnits.map((unit) => unit.source),
        indent: '      ',
        readable: (type) => readable(type),
      });
      // The texts stay well-formed XML: characters XML cannot carry are left out (and counted), see the README.
      const body = withoutNonXmlCharacters(
        documentUnits.map((unit, index) => withAltTrans(unitXml(documentId, unit, '      ', targetOf(unit)), altTrans[index])).join('\n')
      );
      removed += body.removed;
      files.push(
        [
          `  <file original="${escapeAttribute(`${uid}/${documentId}`)}" source-language="${source}" target-language="${locale}" datatype="database" product-name="Habitat CMS">`,
          '    <header>',
          '      <tool tool-id="habitat-cms" tool-name="Habitat CMS"/>',
          `      <note>${withoutNonXmlCharacters(escapeText(`${typeName}: ${title}`)).text}</note>`,
          ...(body.removed > 0 ? [`      <note>${nonXmlNote(body.removed)}</note>`] : []),
          '    </header>',
          '    <body>',
          body.text,
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
  return { xml, documents: files.length, units, removedCharacters: removed };
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

export type ImportOptions = {
  onProgress?: (message: string) => void;
  /** Whose rights the import obeys (the signed-in administrator's on the admin route); none from the command line. */
  access?: ContentAccess;
};

type Translation = { unit: Unit; nodes: ReturnType<typeof readTarget>['nodes']; text: string; hash: string | null };
/** One <file> element as read: the document it is about, in the locale its target-language matched. */
type FileHeader = { file: XmlElement; uid: string; documentId: string; where: string };
type PlannedDocument = {
  uid: string;
  documentId: string;
  label: string;
  /** Fields whose every text is translated in the file: the ones written. */
  complete: string[];
  /** The same as permission paths ("keyFigures.label"): what the administrator must be allowed to write. */
  permissionPaths: string[];
  translated: Map<string, Translation>;
  baseline: FieldHashes;
  /** The document's version in the target locale, when it has one (else the import creates it). */
  version: (Record<string, unknown> & { locale: string }) | null;
  units: number;
};

/** The trans-units of a <body> or <group>, groups included. */
const collectUnits = (node: XmlElement): XmlElement[] =>
  elements(node).flatMap((child) => (child.name === 'trans-unit' ? [child] : child.name === 'group' ? collectUnits(child) : []));

/** A language tag as BCP 47 writes it (letters, digits, hyphens; "_" as some tools write it): no spaces, no punctuation. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * "km", "KM", "km-KH", "km_kh" → "km" (when only km exists); null when no locale, or more than one, matches.
 * The one reading of a file's languages: the import writes, and the permission check looks at, what this returns.
 */
export const matchLocale = (code: string | undefined, available: string[]): string | null => {
  if (code === undefined || !LANGUAGE_TAG.test(code)) return null;
  const tag = code.toLowerCase().replace(/_/g, '-');
  const exact = available.filter((candidate) => candidate.toLowerCase() === tag);
  if (exact.length === 1) return exact[0];
  const primary = available.filter((candidate) => candidate.toLowerCase() === tag.split('-')[0]);
  return primary.length === 1 ? primary[0] : null;
};

const fail = (problems: string[]): never => {
  throw new XliffError(`Nothing was imported: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the file.`, problems);
};

/**
 * Reads the <file> elements: which document each is about and into which locale. Every
 * attribute is read once, here; whatever is written and whatever is checked comes from this.
 */
const readHeaders = async (strapi: Core.Strapi, files: XmlElement[]): Promise<{ headers: FileHeader[]; locale: string }> => {
  const problems: string[] = [];
  const source = await defaultLocale(strapi);
  const all = await localeCodes(strapi);
  const translationLocales = await targetLocales(strapi);
  const types = localizedApiTypes(strapi);
  const headers: FileHeader[] = [];
  const locales = new Set<string>();
  const seen = new Set<string>();
  for (const file of files) {
    const where = `<file original="${file.attributes.original ?? ''}"> (line ${file.line})`;
    const sourceLanguage = file.attributes['source-language'];
    if (matchLocale(sourceLanguage, all) !== source) problems.push(`${where}: source-language is "${sourceLanguage ?? 'none'}", not ${source}`);
    const targetLanguage = file.attributes['target-language'];
    const matched = matchLocale(targetLanguage, translationLocales);
    if (targetLanguage !== undefined && !LANGUAGE_TAG.test(targetLanguage)) {
      problems.push(`${where}: target-language "${targetLanguage}" is not a language tag (such as ${translationLocales[0] ?? 'fr'})`);
    } else if (!matched) {
      problems.push(`${where}: the file is for another target language ("${targetLanguage ?? 'none'}"); this site translates into ${translationLocales.join(', ')}`);
    } else {
      locales.add(matched);
    }
    // A tool reads a <target xml:lang> as the language of that text: it must be the file's.
    for (const target of elements(file, 'body').flatMap(collectUnits).flatMap((unit) => elements(unit, 'target'))) {
      const lang = target.attributes['xml:lang'];
      if (lang !== undefined && (!matched || matchLocale(lang, translationLocales) !== matched)) {
        problems.push(`${where}: <target xml:lang="${lang}"> (line ${target.line}) is not the file's target-language "${targetLanguage ?? 'none'}"`);
      }
    }
    const [uid, documentId, ...rest] = (file.attributes.original ?? '').split('/');
    if (!types.includes(uid as UID.ContentType) || !documentId || rest.length > 0) {
      problems.push(`${where}: unknown content type "${uid}" (expected e.g. api::project.project/<documentId>)`);
      continue;
    }
    if (seen.has(`${uid}/${documentId}`)) problems.push(`${where}: the same document as an earlier <file>; a file names each document once`);
    seen.add(`${uid}/${documentId}`);
    headers.push({ file, uid, documentId, where });
  }
  if (locales.size > 1) problems.push(`the <file> elements have different target languages (${[...locales].join(', ')}); a file is for one language`);
  if (problems.length > 0) fail(problems);
  const [locale] = [...locales];
  if (!locale) fail(['the file names no target language']);
  return { headers, locale };
};

/** A refusal names every document and field the administrator may not write; nothing is written. */
const refuse = (denied: string[]): never => {
  throw new XliffAccessError(`Nothing was imported: your role may not write ${denied.length > 1 ? 'these translations' : 'this translation'}.`, denied);
};

/**
 * Parse → plan → check → write, in one pass: the permission check looks at the documents,
 * locale and fields the import is about to write, as the import itself read them, and a refusal
 * (of the file, or of any document or field in it) writes nothing.
 */
export const importXliff = async (strapi: Core.Strapi, xml: string, options: ImportOptions = {}): Promise<ImportSummary> => {
  const { onProgress, access } = options;
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

  const { headers, locale } = await readHeaders(strapi, files);
  const source = await defaultLocale(strapi);
  const wanted = new Map<string, Set<string>>();
  for (const { uid, documentId } of headers) {
    if (!wanted.has(uid)) wanted.set(uid, new Set());
    wanted.get(uid)!.add(documentId);
  }

  // The versions the import would update (or, where there is none, create), checked before
  // anything else is read: a role that may not write them learns nothing more about the documents.
  const versions = new Map<string, Record<string, unknown> & { locale: string }>();
  const records = new Map<string, FieldHashes | null>();
  for (const [uid, ids] of wanted) {
    for (const chunk of chunks([...ids])) {
      const rows: Array<Record<string, unknown> & { documentId: string; locale: string }> = await strapi.db.query(uid as UID.Schema).findMany({
        where: { documentId: { $in: chunk }, locale, ...draftWhere(strapi, uid) },
        populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
      });
      for (const row of rows) versions.set(`${uid}/${row.documentId}`, row);
    }
  }
  if (access) {
    const denied: string[] = [];
    for (const { uid, documentId, where } of headers) {
      const version = versions.get(`${uid}/${documentId}`);
      const [action, entity] = version ? (['update', version] as const) : (['create', { locale }] as const);
      if (!access.can(action, uid, entity)) denied.push(`${where}: you may not ${action} ${uid.split('.').pop()} in the locale "${locale}"`);
    }
    if (denied.length > 0) refuse(denied);
  }

  for (const [uid, ids] of wanted) {
    const statuses: Array<{ entryDocumentId: string; sourceHashes: FieldHashes | null }> = await strapi.db
      .query(STATUS_UID)
      .findMany({ select: ['entryDocumentId', 'sourceHashes'], where: { contentType: uid, targetLocale: locale, entryDocumentId: { $in: [...ids] } } });
    for (const status of statuses) records.set(`${uid}/${status.entryDocumentId}`, status.sourceHashes);
  }
  const sources = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [uid, ids] of wanted) sources.set(uid, await loadSources(strapi, uid, [...ids]));

  const problems: string[] = [];
  const summary: ImportSummary = { locale, documents: 0, units: 0, created: 0, updated: 0, skipped: 0, olderSource: [], notes: [] };
  const planned: PlannedDocument[] = [];
  for (const { file, uid, documentId, where } of headers) {
    const entry = sources.get(uid)?.get(documentId);
    if (!entry) {
      problems.push(`${where}: unknown document "${documentId}" (no ${source} version of a ${uid.split('.').pop()} with this documentId)`);
      continue;
    }
    const field = titleField(strapi, uid);
    const label = `${uid.split('.').pop()} "${field ? String(entry[field] ?? documentId) : documentId}"`;
    const current = extractUnits(strapi, uid, entry);
    const byId = new Map(current.map((unit) => [unit.id, unit]));
    const currentHashes = fieldHashes(strapi, uid, entry);
    const translated = new Map<string, Translation>();
    const unitIds = new Set<string>();

    for (const transUnit of elements(file, 'body').flatMap(collectUnits)) {
      const id = unitPath(documentId, transUnit.attributes.id ?? '');
      const at = `${label}, unit "${id}" (line ${transUnit.line})`;
      if (unitIds.has(id)) {
        problems.push(`${at}: a second unit with this id; each text is in the file once`);
        continue;
      }
      unitIds.add(id);
      const unit = byId.get(id);
      if (!unit) {
        summary.notes.push(`${at}: no longer in the ${source} text (it changed since the export); skipped`);
        summary.skipped += 1;
        continue;
      }
      const targets = elements(transUnit, 'target');
      if (targets.length > 1) {
        problems.push(`${at}: ${targets.length} <target> elements; a unit has one`);
        continue;
      }
      const [target] = targets;
      const state = readUnitState(target);
      if (state === 'skip') {
        summary.skipped += 1;
        continue;
      }
      const result = readTarget(unit, target);
      for (const problem of result.problems) problems.push(`${at}: ${problem}`);
      const hashContext = elements(transUnit, 'context-group')
        .flatMap((group) => elements(group, 'context'))
        .find((context) => context.attributes['context-type'] === 'x-source-hash');
      // A target still marked for review (pre-filled from an outdated translation) is saved, but not
      // counted as translated from the current English text: the entry stays outdated.
      const hash = state === 'done' ? (hashContext ? textOf(hashContext).trim() : null) : 'not-reviewed';
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
    const written = current.filter((unit) => complete.includes(unit.field));
    const permissionPaths = [...new Set(written.map((unit) => permissionPath(strapi, uid, unit.valuePath)))].sort();
    planned.push({ uid, documentId, label, complete, permissionPaths, translated, baseline, version: versions.get(key) ?? null, units: written.length });
  }
  if (problems.length > 0) fail(problems);

  // Every field written: the content manager drops fields a role may not edit; a file is refused instead.
  if (access) {
    const denied: string[] = [];
    for (const plan of planned) {
      const [action, entity] = plan.version ? (['update', plan.version] as const) : (['create', { locale }] as const);
      const fields = plan.permissionPaths.filter((path) => !access.can(action, plan.uid, entity, path));
      if (fields.length > 0) denied.push(`${plan.label}: you may not ${action} ${fields.map((path) => `"${path}"`).join(', ')} in the locale "${locale}"`);
    }
    if (denied.length > 0) refuse(denied);
  }

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
      await refreshStatus(strapi, plan.uid, plan.documentId, { baselines: { [locale]: plan.baseline } });
      if (plan.version) summary.updated += 1;
      else summary.created += 1;
      summary.units += plan.units;
      onProgress?.(`[${index + 1}/${planned.length}] ${plan.label}`);
    }
  });
  summary.documents = planned.length;
  return summary;
};
