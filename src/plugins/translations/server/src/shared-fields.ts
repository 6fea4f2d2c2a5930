import type { Core, Modules, UID } from '@strapi/strapi';
import { toDocumentData } from './document-data';
import { keepUpdatedAt } from './keep-updated-at';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, localizedApiTypes, schemaOf } from './locales';
import { componentPopulate, titleField } from './source';

/**
 * Shared fields: the rule, in one place.
 *
 * A shared field (an attribute that is not localized: slug, codes, numbers, dates, enums, money,
 * media, booleans) has one value per document.
 *  - A write in any locale (content manager, REST, seed, XLIFF import, our own code) puts the new
 *    value into every locale's draft at once.
 *  - A publish in any locale puts the document's shared values (the same in every draft) into
 *    every locale's published version. So the version published in the locale where the value
 *    changed, and every other, holds it; no publish can bring an older value back, since drafts
 *    never hold one.
 *  - Discarding the draft of one locale restores that locale's localized fields only: the shared
 *    fields keep the document's draft values (a change saved in another locale is not lost).
 *
 * Why our own: Strapi's i18n middleware copies non-localized fields only to versions of the status
 * the write produced, and only when the written version differs from an arbitrary other one. A
 * REST update (which saves and publishes) therefore reaches the other locales' published versions
 * but not their drafts, and the next publish of another locale copies its stale draft back over
 * every published version. It also leaves slugs (uid fields) out. This middleware runs after
 * Strapi's and writes whatever still differs, through the Query Engine (no second Document
 * Service write, so no middleware runs twice).
 *
 * Relations are not shared fields: a relation is shared by changes, not values, since a locale
 * cannot link a target that has no version in it (shared-relations.ts).
 */

type Attribute = { type: string; visible?: boolean; pluginOptions?: { i18n?: { localized?: boolean } } };
type Row = Record<string, unknown> & { id: number; documentId: string; locale: string; publishedAt: unknown; updatedAt: unknown };
/** Shared values in Document Service data form (no row ids, media as ids), per field. */
export type Values = Record<string, unknown>;
type Status = 'draft' | 'published';

const NOT_CONTENT = new Set(['id', 'documentId', 'locale', 'localizations', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy']);

/** The attributes of a translated type that every locale of a document shares. */
export const sharedFields = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(schemaOf(strapi, uid).attributes as Record<string, Attribute>)
    .filter(([name, attribute]) => !NOT_CONTENT.has(name) && attribute.visible !== false)
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized !== true && attribute.type !== 'relation')
    .map(([name]) => name);

const populateOf = (strapi: Core.Strapi, uid: string, fields: string[]) =>
  Object.fromEntries(Object.entries(componentPopulate(strapi, uid, { media: true })).filter(([name]) => fields.includes(name)));

/** The rows (versions) of a document, of one status, with their shared fields. */
const loadRows = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<Row[]> => {
  const fields = sharedFields(strapi, uid);
  return strapi.db.query(uid as UID.Schema).findMany({ where, populate: populateOf(strapi, uid, fields) }) as Promise<Row[]>;
};

/** The Query Engine condition for the versions of one status (every version counts as published without draft & publish). */
export const statusWhere = (strapi: Core.Strapi, uid: string, status: Status): Record<string, unknown> =>
  !hasDraftAndPublish(strapi, uid) ? {} : status === 'draft' ? { publishedAt: null } : { publishedAt: { $notNull: true } };

export const valuesOf = (strapi: Core.Strapi, uid: string, row: Record<string, unknown>): Values =>
  toDocumentData(strapi, uid, Object.fromEntries(sharedFields(strapi, uid).map((name) => [name, row[name] ?? null])));

/** A value as comparable text: object keys sorted, null for missing. */
export const comparable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.keys(item as Record<string, unknown>).sort().map((key) => [key, (item as Record<string, unknown>)[key] ?? null]))
      : item
  );

type Repository = {
  omitComponentData(data: Values): Values;
  updateComponents(entry: { id: number }, data: Values): Promise<Values>;
};
type TransformData = (data: Values, options: { uid: string; status: Status; locale: string; allowMissingId: boolean }) => Promise<Values>;

/** Writes some shared values into one row, components included (as Strapi's own i18n sync does). */
const writeRow = async (strapi: Core.Strapi, uid: string, row: Row, values: Values, status: Status): Promise<void> => {
  const repository = strapi.documents(uid as UID.ContentType) as unknown as Repository;
  const transformData = (strapi.documents as unknown as { utils: { transformData: TransformData } }).utils.transformData;
  const transformed = await transformData(structuredClone(values), { uid, status, locale: row.locale, allowMissingId: true });
  const write = async () => {
    const componentData = await repository.updateComponents(row, transformed);
    await strapi.db.query(uid as UID.Schema).update({ where: { id: row.id }, data: { ...repository.omitComponentData(values), ...componentData } });
  };
  // A published version following another locale's publish keeps its updatedAt (keep-updated-at.ts).
  await (status === 'published' && hasDraftAndPublish(strapi, uid) ? keepUpdatedAt(strapi, uid, row.id, write) : write());
};

/**
 * Makes every version of one status of a document hold `values` (or the fields of it given);
 * writes only the rows and fields that differ. Answers the locales that changed.
 */
export const applySharedValues = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  values: Values,
  status: Status
): Promise<string[]> => {
  const changed: string[] = [];
  for (const row of await loadRows(strapi, uid, { documentId, ...statusWhere(strapi, uid, status) })) {
    const current = valuesOf(strapi, uid, row);
    const differing = Object.keys(values).filter((name) => comparable(current[name]) !== comparable(values[name]));
    if (differing.length === 0) continue;
    await writeRow(strapi, uid, row, Object.fromEntries(differing.map((name) => [name, values[name]])), status);
    changed.push(row.locale);
  }
  return changed;
};

/** The shared values of the document's draft in one locale (its only version without draft & publish). */
const draftValues = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<Values | null> => {
  const [row] = await loadRows(strapi, uid, { documentId, locale, ...statusWhere(strapi, uid, 'draft') });
  return row ? valuesOf(strapi, uid, row) : null;
};

/**
 * The document's current shared draft values, from another locale than `except`: the default
 * locale's draft if it has one, otherwise the most recently saved draft.
 */
const documentDraftValues = async (strapi: Core.Strapi, uid: string, documentId: string, except: string | null): Promise<Values | null> => {
  const rows = (await loadRows(strapi, uid, { documentId, ...statusWhere(strapi, uid, 'draft') })).filter((row) => row.locale !== except);
  if (rows.length === 0) return null;
  const source = await defaultLocale(strapi);
  const row = rows.find((candidate) => candidate.locale === source) ?? [...rows].sort((a, b) => time(b.updatedAt) - time(a.updatedAt))[0];
  return valuesOf(strapi, uid, row);
};

const time = (value: unknown): number => (value ? new Date(value as string).getTime() : 0);

type Params = { documentId?: string; locale?: unknown; status?: unknown; data?: Record<string, unknown> };
const WRITES = new Set(['create', 'update', 'publish', 'discardDraft']);

/**
 * The rule on every Document Service write (see the top of this file). Registered at bootstrap,
 * after the application's middlewares (registered at register), so it runs inside them: the
 * previous-slug history and the search index see every locale already in step.
 */
export const sharedFieldsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITES.has(context.action) || !isLocalizedApiType(strapi, context.uid)) return next();
    const uid = context.uid;
    if (sharedFields(strapi, uid).length === 0) return next();
    const params = context.params as Params;
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : null;
    const dp = hasDraftAndPublish(strapi, uid);

    let kept: Values | null = null;
    if (params.documentId && context.action === 'update') {
      // A new locale version starts with the document's shared values, except those it is given
      // (Strapi copies them from an arbitrary version, published or not, and never the slug).
      const target = locale ?? (await defaultLocale(strapi));
      const exists = await strapi.db.query(uid as UID.Schema).findOne({ select: ['id'], where: { documentId: params.documentId, locale: target } });
      const current = exists ? null : await documentDraftValues(strapi, uid, params.documentId, target);
      if (current) {
        const data = { ...(params.data ?? {}) };
        for (const [name, value] of Object.entries(current)) if (data[name] === undefined) data[name] = value;
        context.params = { ...params, data } as never;
      }
    }
    if (params.documentId && context.action === 'discardDraft' && dp) {
      kept = await documentDraftValues(strapi, uid, params.documentId, locale ?? (await defaultLocale(strapi)));
    }

    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;

    await strapi.db.transaction(async () => {
      if (context.action === 'discardDraft') {
        if (kept) await applySharedValues(strapi, uid, documentId, kept, 'draft');
        return;
      }
      const source = locale ?? (context.action === 'publish' ? null : await defaultLocale(strapi));
      const values = source ? await draftValues(strapi, uid, documentId, source) : await documentDraftValues(strapi, uid, documentId, null);
      if (!values) return;
      if (context.action !== 'publish' && dp) await applySharedValues(strapi, uid, documentId, values, 'draft');
      if (context.action === 'publish' || params.status === 'published' || !dp) await applySharedValues(strapi, uid, documentId, values, 'published');
    });
    return result;
  };

/** One document whose versions disagreed on shared fields, and what it was given. */
export type Repair = {
  uid: string;
  documentId: string;
  title: string | null;
  fields: string[];
  /** Where the repaired values came from, e.g. "the en draft (as last published)". */
  from: string;
  /** Per field, the values the versions had that are gone now (e.g. a slug that keeps answering as an old slug). */
  replaced: Record<string, unknown[]>;
};

/** The fields on which some rows disagree. */
const disagreeing = (strapi: Core.Strapi, uid: string, rows: Row[]): string[] => {
  const values = rows.map((row) => valuesOf(strapi, uid, row));
  return sharedFields(strapi, uid).filter((name) => new Set(values.map((value) => comparable(value[name]))).size > 1);
};

/**
 * Which values a split document is repaired from: the most recently published value of the source
 * (default) locale. That is its draft when the draft has not changed since it was published (the
 * published version may have been overwritten by another locale's publish; the draft was not),
 * otherwise its published version; a document not published in the source locale takes the most
 * recently published version. Drafts take the source draft when it holds changes not yet published
 * (an editor's work is not thrown away), the published values otherwise.
 */
const repairSources = (rows: Row[], source: string) => {
  const drafts = rows.filter((row) => row.publishedAt === null || row.publishedAt === undefined);
  const published = rows.filter((row) => !drafts.includes(row));
  const sourceDraft = drafts.find((row) => row.locale === source);
  const sourcePublished = published.find((row) => row.locale === source);
  const latestPublished = [...published].sort((a, b) => time(b.publishedAt) - time(a.publishedAt))[0];
  const latestDraft = [...drafts].sort((a, b) => time(b.updatedAt) - time(a.updatedAt))[0];
  const draftUnchanged = sourceDraft && sourcePublished && time(sourceDraft.updatedAt) <= time(sourcePublished.publishedAt);

  let forPublished: { row: Row; from: string } | null = null;
  if (draftUnchanged) forPublished = { row: sourceDraft, from: `the ${source} draft (as last published)` };
  else if (sourcePublished) forPublished = { row: sourcePublished, from: `the ${source} published version` };
  else if (latestPublished) forPublished = { row: latestPublished, from: `the ${latestPublished.locale} published version (latest published)` };

  let forDrafts: { row: Row; from: string } | null = null;
  if (sourceDraft && (!sourcePublished || !draftUnchanged)) forDrafts = { row: sourceDraft, from: `the ${source} draft (not yet published)` };
  else if (forPublished) forDrafts = forPublished;
  else if (latestDraft) forDrafts = { row: latestDraft, from: `the ${latestDraft.locale} draft (latest saved)` };
  return { forPublished, forDrafts };
};

/**
 * Finds the documents whose versions disagree on a shared field (drafts among themselves,
 * published versions among themselves) and repairs them (see repairSources).
 * Answers one entry per document found.
 */
export const repairSharedFields = async (strapi: Core.Strapi): Promise<Repair[]> => {
  const source = await defaultLocale(strapi);
  const repairs: Repair[] = [];
  for (const uid of localizedApiTypes(strapi)) {
    const fields = sharedFields(strapi, uid);
    if (fields.length === 0) continue;
    // Only documents with more than one version can disagree: find those first, then load them in chunks.
    const table = (strapi.getModel(uid as UID.Schema) as { collectionName: string }).collectionName;
    const counts: Array<{ document_id: string }> = await strapi.db
      .connection(table)
      .select('document_id')
      .groupBy('document_id')
      .havingRaw('count(distinct locale) > 1');
    const ids = counts.map((row) => row.document_id);
    for (let i = 0; i < ids.length; i += 100) {
      const rows = await loadRows(strapi, uid, { documentId: { $in: ids.slice(i, i + 100) } });
      const byDocument = new Map<string, Row[]>();
      for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
      for (const [documentId, versions] of byDocument) {
        const drafts = versions.filter((row) => row.publishedAt === null || row.publishedAt === undefined);
        const published = versions.filter((row) => !drafts.includes(row));
        const split = [...new Set([...disagreeing(strapi, uid, drafts), ...disagreeing(strapi, uid, published)])];
        if (split.length === 0) continue;
        const { forPublished, forDrafts } = repairSources(versions, source);
        const chosen = { published: forPublished ? valuesOf(strapi, uid, forPublished.row) : null, draft: forDrafts ? valuesOf(strapi, uid, forDrafts.row) : null };
        const replaced: Record<string, unknown[]> = {};
        for (const name of split) {
          const kept = new Set([chosen.published?.[name], chosen.draft?.[name]].map(comparable));
          const gone = new Map(versions.map((row) => valuesOf(strapi, uid, row)[name]).filter((value) => !kept.has(comparable(value))).map((value) => [comparable(value), value]));
          replaced[name] = [...gone.values()];
        }
        const title = titleField(strapi, uid);
        const sourceRow = versions.find((row) => row.locale === source) ?? versions[0];
        repairs.push({
          uid,
          documentId,
          title: title ? String(sourceRow[title] ?? '') : null,
          fields: split.sort(),
          from: forDrafts && forPublished && forDrafts !== forPublished ? `drafts from ${forDrafts.from}, published versions from ${forPublished.from}` : (forPublished ?? forDrafts)!.from,
          replaced,
        });
        await strapi.db.transaction(async () => {
          const pick = (values: Values | null) => (values ? Object.fromEntries(split.map((name) => [name, values[name]])) : null);
          const draftFix = pick(chosen.draft);
          const publishedFix = pick(chosen.published);
          if (draftFix) await applySharedValues(strapi, uid, documentId, draftFix, 'draft');
          if (publishedFix && hasDraftAndPublish(strapi, uid)) await applySharedValues(strapi, uid, documentId, publishedFix, 'published');
        });
      }
    }
  }
  return repairs;
};

/** One log line per repaired document. */
export const describeRepair = (repair: Repair): string =>
  `${repair.uid} ${repair.documentId}${repair.title ? ` "${repair.title}"` : ''}: locales disagreed on ${repair.fields.join(', ')}; repaired from ${repair.from}`;
