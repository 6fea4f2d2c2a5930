import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContentAccess } from './access';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, localizedApiTypes, schemaOf, targetLocales } from './locales';
import { deleteMemory, updateMemory } from './memory/store';
import { pendingLinks } from './shared-relations';
import { fieldHashes, loadVersion, localizedFields, revisionOf, titleField, type FieldHashes } from './source';
import { fieldText } from './texts';
import { deleteSnapshots, loadSnapshots, syncSnapshot } from './workspace/source-snapshots';

/**
 * Translation status: for every document of a translated type and every locale but the default
 * one, one row in `translation_statuses`, rewritten by a Document Service middleware after each
 * write of the document (whatever makes it: admin panel, REST, import, seed). Reads never scan
 * content.
 *
 *  - missing     the document has no version in that locale;
 *  - outdated    a localized field of the source (the default locale's latest saved version) has
 *                changed since the translation was last saved (or confirmed "still correct");
 *                `outdatedFields` names them. Shared fields are not localized, so never count;
 *  - draft-only  translated, never published in that locale;
 *  - up-to-date  translated, published, nothing changed in the source since.
 *
 * How it knows: the row keeps a hash of every localized source field as it was when the
 * translation was last saved (`sourceHashes`); the current hashes are compared to those.
 *
 * The same moment keeps the source text of those fields (workspace/source-snapshots.ts, for the
 * side panel's diff) and the translation memory (memory/store.ts) current: this is the one place
 * that knows a translation was saved, confirmed or imported.
 */

export const STATUS_UID = 'plugin::translations.status' as UID.ContentType;
export const STATES = ['missing', 'draft-only', 'outdated', 'up-to-date'] as const;
export type State = (typeof STATES)[number];

type StatusRow = {
  id: number;
  contentType: string;
  entryDocumentId: string;
  targetLocale: string;
  state: State;
  outdatedFields: string[] | null;
  title: string | null;
  sourceHashes: FieldHashes | null;
  sourceRevision: string | null;
  translatedAt: string | Date | null;
};

export type RefreshOptions = {
  /** Locales whose translation was saved by this write: their baseline becomes the current source. */
  saved?: string[];
  /** Locales whose translation was made from a given source (XLIFF import): that source is their baseline. */
  baselines?: Record<string, FieldHashes>;
  /** Locales the translator confirmed as still correct. */
  confirmed?: string[];
};

const rows = (strapi: Core.Strapi) => strapi.db.query(STATUS_UID);

/** Recomputes the status rows of one document. */
export const refreshStatus = async (strapi: Core.Strapi, uid: string, documentId: string, options: RefreshOptions = {}) => {
  const source = await defaultLocale(strapi);
  const versions: Array<{ locale: string; publishedAt: string | null }> = await strapi.db
    .query(uid as UID.Schema)
    .findMany({ select: ['locale', 'publishedAt'], where: { documentId } });
  const existing: StatusRow[] = await rows(strapi).findMany({ where: { contentType: uid, entryDocumentId: documentId } });

  const sourceVersion = versions.some((version) => version.locale === source) ? await loadVersion(strapi, uid, documentId, source) : null;
  if (!sourceVersion) {
    // Deleted, or no source version to translate from: nothing to track.
    if (existing.length > 0) await rows(strapi).deleteMany({ where: { id: { $in: existing.map((row) => row.id) } } });
    await deleteSnapshots(strapi, uid, documentId);
    await deleteMemory(strapi, uid, documentId);
    return;
  }
  const hashes = fieldHashes(strapi, uid, sourceVersion);
  const snapshots = await loadSnapshots(strapi, uid, documentId);
  let texts: Record<string, string> | null = null;
  const sourceTexts = () =>
    (texts ??= Object.fromEntries(localizedFields(strapi, uid).map((name) => [name, fieldText(strapi, uid, name, sourceVersion[name])])));
  const outdatedByLocale: Record<string, string[]> = {};
  const field = titleField(strapi, uid);
  const title = field ? String(sourceVersion[field] ?? '').slice(0, 255) : null;
  const saved = new Set([...(options.saved ?? []), ...(options.confirmed ?? [])]);

  for (const locale of await targetLocales(strapi)) {
    const record = existing.find((row) => row.targetLocale === locale);
    const translated = versions.filter((version) => version.locale === locale);
    let baseline: FieldHashes | null = record?.sourceHashes ?? null;
    if (translated.length === 0) baseline = null;
    else if (options.baselines?.[locale]) baseline = options.baselines[locale];
    else if (saved.has(locale) || baseline === null) baseline = hashes; // a first sight counts as translated from the current source

    const outdatedFields = baseline ? Object.keys(hashes).filter((name) => baseline![name] !== hashes[name]).sort() : [];
    const state: State =
      translated.length === 0
        ? 'missing'
        : outdatedFields.length > 0
          ? 'outdated'
          : translated.some((version) => version.publishedAt)
            ? 'up-to-date'
            : 'draft-only';
    const data = {
      contentType: uid,
      entryDocumentId: documentId,
      targetLocale: locale,
      state,
      outdatedFields,
      title,
      sourceHashes: baseline,
      sourceRevision: revisionOf(hashes),
      translatedAt:
        translated.length === 0 ? null : saved.has(locale) || options.baselines?.[locale] ? new Date() : (record?.translatedAt ?? null),
    };
    if (record) await rows(strapi).update({ where: { id: record.id }, data });
    else await rows(strapi).create({ data });
    const snapshot = snapshots.find((row) => row.targetLocale === locale);
    await syncSnapshot(strapi, { uid, documentId, locale, existing: snapshot, baseline, hashes, texts: sourceTexts });
    if (translated.length > 0) outdatedByLocale[locale] = outdatedFields;
  }
  await updateMemory(strapi, uid, documentId, { sourceLocale: source, source: sourceVersion, outdated: outdatedByLocale });
  for (const stale of existing.filter((row, index) => existing.findIndex((other) => other.targetLocale === row.targetLocale) !== index)) {
    await rows(strapi).delete({ where: { id: stale.id } });
  }
};

const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

const localesOf = async (strapi: Core.Strapi, locale: unknown): Promise<string[]> => {
  if (locale === '*') return ['*'];
  if (Array.isArray(locale)) return locale.filter((code): code is string => typeof code === 'string');
  return [typeof locale === 'string' && locale !== '' ? locale : await defaultLocale(strapi)];
};

/** Keeps the status rows current after every write of a translated document. */
export const statusMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITES.has(context.action) || !isLocalizedApiType(strapi, context.uid)) return next();
    const params = context.params as { documentId?: string; locale?: unknown };
    const result = (await next()) as { documentId?: string } | null;
    const documentId = params.documentId ?? result?.documentId;
    if (!documentId) return result as never;
    const saved = context.action === 'create' || context.action === 'update' ? await localesOf(strapi, params.locale) : [];
    await refreshStatus(strapi, context.uid, documentId, { saved });
    return result as never;
  };

/**
 * Gives every document that has no status rows yet its rows (content from before this plugin).
 * Run at bootstrap; afterwards the middleware keeps them. Cheap when there is nothing to do:
 * one query per type.
 */
export const backfillStatus = async (strapi: Core.Strapi): Promise<number> => {
  let added = 0;
  const locales = await targetLocales(strapi);
  if (locales.length === 0) return 0;
  const source = await defaultLocale(strapi);
  for (const uid of localizedApiTypes(strapi)) {
    const documents: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ select: ['documentId'], where: { locale: source } });
    const ids = [...new Set(documents.map((document) => document.documentId))];
    if (ids.length === 0) continue;
    const tracked: Array<{ entryDocumentId: string }> = await rows(strapi).findMany({
      select: ['entryDocumentId'],
      where: { contentType: uid, targetLocale: { $in: locales } },
    });
    const counts = new Map<string, number>();
    for (const row of tracked) counts.set(row.entryDocumentId, (counts.get(row.entryDocumentId) ?? 0) + 1);
    for (const documentId of ids.filter((id) => (counts.get(id) ?? 0) < locales.length)) {
      await refreshStatus(strapi, uid, documentId);
      added += 1;
    }
  }
  if (added > 0) strapi.log.info(`[translations] Translation status recorded for ${added} documents`);
  return added;
};

/** "project", "api::project.project" → the uid; 400 for anything else. */
export const resolveType = (strapi: Core.Strapi, type: unknown): string => {
  const types = localizedApiTypes(strapi);
  const uid = typeof type === 'string' ? types.find((candidate) => candidate === type || candidate === `api::${type}.${type}`) : undefined;
  if (!uid) {
    throw new errors.ValidationError(
      `Unknown type "${String(type)}". Translated types: ${types.map((candidate) => candidate.split('.').pop()).join(', ')}.`,
      { key: 'type' }
    );
  }
  return uid;
};

const positiveInt = (value: unknown, key: string, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new errors.ValidationError(`${key} must be a whole number of at least 1`, { key });
  }
  return Math.min(Number(value), max);
};

/** Rows per page of GET /api/translation-status. */
export const STATUS_PAGE_SIZE = { default: 25, max: 100 };

export type StatusQuery = { locale?: unknown; type?: unknown; status?: unknown; pagination?: unknown };

const KNOWN_PARAMS = ['locale', 'type', 'status', 'pagination'];

/**
 * GET /api/translation-status (API token) and /translations/status (admin panel): the rows,
 * filtered and paginated, with counts per type and status. With `access` (an administrator), only
 * the types and locales the role may read: a row shows the source's title, so both the default
 * locale and the row's locale; 403 when nothing is left.
 */
export const findStatus = async (strapi: Core.Strapi, query: Record<string, unknown>, access?: ContentAccess) => {
  const unknown = Object.keys(query).filter((key) => !KNOWN_PARAMS.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`Unknown parameter "${unknown[0]}". Allowed: ${KNOWN_PARAMS.join(', ')}.`, { key: unknown[0] });
  }
  const locales = await targetLocales(strapi);
  if (query.locale !== undefined && (typeof query.locale !== 'string' || !locales.includes(query.locale))) {
    throw new errors.ValidationError(`Unknown locale "${String(query.locale)}". Translation locales: ${locales.join(', ')}.`, { key: 'locale' });
  }
  const types = query.type !== undefined ? [resolveType(strapi, query.type)] : localizedApiTypes(strapi);
  const wantedLocales = query.locale !== undefined ? [query.locale as string] : locales;
  const where: Record<string, unknown> = { contentType: { $in: types } };
  if (query.locale !== undefined) where.targetLocale = query.locale;
  if (access) {
    const source = await defaultLocale(strapi);
    const readable = (uid: string, locale: string) => access.can('read', uid, { locale: source }) && access.can('read', uid, { locale });
    const scopes = wantedLocales
      .map((locale) => ({ targetLocale: locale, contentType: { $in: types.filter((uid) => readable(uid, locale)) } }))
      .filter((scope) => scope.contentType.$in.length > 0);
    if (scopes.length === 0) {
      throw new errors.PolicyError(`Your role may not read ${query.type !== undefined ? `"${String(query.type)}"` : 'any translated type'} in ${source} and ${wantedLocales.join(' or ')}`);
    }
    delete where.contentType;
    delete where.targetLocale;
    where.$or = scopes;
  }

  const summaryRows: Array<{ contentType: string; state: State }> = await rows(strapi).findMany({ select: ['contentType', 'state'], where });
  const summary: Record<string, Record<State | 'total', number>> = {};
  for (const row of summaryRows) {
    const counts = (summary[row.contentType] ??= { missing: 0, 'draft-only': 0, outdated: 0, 'up-to-date': 0, total: 0 });
    counts[row.state] += 1;
    counts.total += 1;
  }

  if (query.status !== undefined) {
    const values = Array.isArray(query.status) ? query.status : [query.status];
    const states = values.every((value) => typeof value === 'string') ? (values as string[]).flatMap((value) => value.split(',')) : [];
    if (states.length === 0 || states.some((state) => !(STATES as readonly string[]).includes(state))) {
      throw new errors.ValidationError(`status must be one of ${STATES.join(', ')} (or several separated by commas)`, { key: 'status' });
    }
    where.state = { $in: states };
  }
  const pagination = (query.pagination ?? {}) as Record<string, unknown>;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) throw new errors.ValidationError('pagination must be an object');
  const page = positiveInt(pagination.page, 'pagination[page]', 1, Number.MAX_SAFE_INTEGER);
  const pageSize = positiveInt(pagination.pageSize, 'pagination[pageSize]', STATUS_PAGE_SIZE.default, STATUS_PAGE_SIZE.max);

  const total = await rows(strapi).count({ where });
  const found: StatusRow[] = await rows(strapi).findMany({
    where,
    orderBy: [{ contentType: 'asc' }, { title: 'asc' }, { entryDocumentId: 'asc' }, { targetLocale: 'asc' }],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const data = [];
  for (const row of found) {
    data.push({
      contentType: row.contentType,
      documentId: row.entryDocumentId,
      title: row.title,
      locale: row.targetLocale,
      status: row.state,
      outdatedFields: row.outdatedFields ?? [],
      // A version that does not exist has no links to wait for.
      pendingLinks:
        row.state === 'missing'
          ? []
          : (await pendingLinks(strapi, row.contentType, row.entryDocumentId, row.targetLocale)).filter(
              (link) => !access || access.can('read', row.contentType, { locale: row.targetLocale }, link.field)
            ),
      translatedAt: row.translatedAt,
    });
  }
  return {
    data,
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total }, summary },
  };
};

/** "Still correct": the translator checked it against the changed source; it is no longer outdated. */
export const confirmStatus = async (strapi: Core.Strapi, input: unknown, access?: ContentAccess) => {
  const body = (input && typeof input === 'object' && 'data' in input ? (input as { data: unknown }).data : input) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') {
    throw new errors.ValidationError('Send { "data": { "contentType": "project", "documentId": "…", "locale": "km" } }');
  }
  const uid = resolveType(strapi, body.contentType);
  const locales = await targetLocales(strapi);
  if (typeof body.locale !== 'string' || !locales.includes(body.locale)) {
    throw new errors.ValidationError(`locale must be one of ${locales.join(', ')}`, { key: 'locale' });
  }
  if (typeof body.documentId !== 'string') throw new errors.ValidationError('documentId is required', { key: 'documentId' });
  // Confirming changes what the translation's status says about that version: as editing it would.
  if (access) {
    const version = await strapi.db.query(uid as UID.Schema).findOne({
      where: { documentId: body.documentId, locale: body.locale, ...(hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {}) },
      populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
    });
    if (!access.can('update', uid, version ?? { locale: body.locale })) {
      throw new errors.PolicyError(`You may not edit ${schemaOf(strapi, uid).info?.singularName ?? uid} in the locale "${body.locale}"`);
    }
  }
  const record = await rows(strapi).findOne({ where: { contentType: uid, entryDocumentId: body.documentId, targetLocale: body.locale } });
  if (!record) throw new errors.NotFoundError(`No ${schemaOf(strapi, uid).info?.singularName} with documentId "${body.documentId}"`);
  if (record.state === 'missing') {
    throw new errors.ValidationError('There is no translation to confirm: the document has no version in this locale yet');
  }
  await refreshStatus(strapi, uid, body.documentId, { confirmed: [body.locale] });
  const updated = await rows(strapi).findOne({ where: { id: record.id } });
  return {
    data: {
      contentType: uid,
      documentId: body.documentId,
      title: updated.title,
      locale: body.locale,
      status: updated.state,
      outdatedFields: updated.outdatedFields ?? [],
    },
  };
};
