import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldPermissionPaths, segmentPermissionPath } from '../access';
import { defaultLocale, schemaOf, targetLocales } from '../locales';
import { lookupMemory, type Match } from '../memory/lookup';
import { sentences } from '../memory/segments';
import { pendingLinks } from '../shared-relations';
import { loadVersion, localizedFields } from '../source';
import { STATUS_UID, resolveType } from '../status';
import { fieldSegments, fieldText } from '../texts';
import { findSnapshot } from './source-snapshots';
import { wordDiff, type DiffPart } from './word-diff';

/**
 * The data of the translator's side panel (the edit view of a non-default locale): the source
 * version of every localized field beside the translation, what changed in an outdated field
 * since it was translated, and the translation memory's suggestions.
 */

export type WorkspaceQuery = { contentType?: unknown; documentId?: unknown; locale?: unknown; drafts?: unknown };
export type Target = { uid: string; documentId: string; locale: string; sourceLocale: string };

export type PanelField = {
  name: string;
  type: string;
  outdated: boolean;
  /** string and text fields */
  text?: string;
  /** rich text (blocks), to render */
  blocks?: unknown[];
  /** components and dynamic zones: their texts */
  segments?: Array<{ path: string; text: string }>;
  /** outdated fields: the source as it was translated → as it is now; null when it was not recorded */
  diff?: DiffPart[] | null;
};

const KNOWN = ['contentType', 'documentId', 'locale', 'drafts'];

/** The query of both routes, checked: 400 for anything wrong. */
export const parseTarget = async (strapi: Core.Strapi, query: WorkspaceQuery & Record<string, unknown>): Promise<Target> => {
  const unknown = Object.keys(query).find((key) => !KNOWN.includes(key));
  if (unknown) throw new errors.ValidationError(`Unknown parameter "${unknown}". Allowed: ${KNOWN.join(', ')}.`, { key: unknown });
  const uid = resolveType(strapi, query.contentType);
  const locales = await targetLocales(strapi);
  if (typeof query.locale !== 'string' || !locales.includes(query.locale)) {
    throw new errors.ValidationError(`locale must be one of ${locales.join(', ')} (a translation locale)`, { key: 'locale' });
  }
  if (typeof query.documentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(query.documentId)) {
    throw new errors.ValidationError('documentId is required', { key: 'documentId' });
  }
  return { uid, documentId: query.documentId, locale: query.locale, sourceLocale: await defaultLocale(strapi) };
};

const loadSource = async (strapi: Core.Strapi, target: Target) => {
  const source = await loadVersion(strapi, target.uid, target.documentId, target.sourceLocale);
  if (!source) {
    throw new errors.NotFoundError(`No ${schemaOf(strapi, target.uid).info?.singularName} "${target.documentId}" in ${target.sourceLocale}`);
  }
  return source;
};

/** Whether the administrator may read a field (a permission path, "keyFigures.label") in both locales. */
export type ReadableField = (path: string) => boolean;

export const sourcePanel = async (strapi: Core.Strapi, target: Target, readable: ReadableField) => {
  const { uid, documentId, locale } = target;
  const source = await loadSource(strapi, target);
  const [status, snapshot] = await Promise.all([
    strapi.db.query(STATUS_UID).findOne({
      select: ['state', 'outdatedFields', 'translatedAt'],
      where: { contentType: uid, entryDocumentId: documentId, targetLocale: locale },
    }),
    findSnapshot(strapi, uid, documentId, locale),
  ]);
  const attributes = schemaOf(strapi, uid).attributes;
  // Fields the role may not read are left out, as they are from the edit view and the XLIFF export.
  const fields: PanelField[] = localizedFields(strapi, uid).flatMap((name) => {
    const type = attributes[name].type;
    const value = source[name];
    const field: PanelField = { name, type, outdated: (status?.outdatedFields ?? []).includes(name) };
    let partlyHidden = false;
    if (type === 'component' || type === 'dynamiczone') {
      const segments = fieldSegments(strapi, uid, name, value);
      field.segments = segments.filter((segment) => readable(segmentPermissionPath(strapi, uid, segment.path)));
      if (!fieldPermissionPaths(strapi, uid, name).some(readable)) return [];
      partlyHidden = field.segments.length < segments.length;
    } else if (!readable(name)) {
      return [];
    } else if (type === 'blocks') {
      field.blocks = Array.isArray(value) ? value : [];
    } else {
      field.text = typeof value === 'string' ? value : value == null ? '' : String(value);
    }
    if (field.outdated) {
      const before = snapshot[name];
      // A diff of the whole field would show the parts the role may not read.
      field.diff = before && !partlyHidden ? wordDiff(before.text, fieldText(strapi, uid, name, value)) : null;
    }
    return [field];
  });
  const outdated = fields.filter((field) => field.outdated).map((field) => field.name);
  const pending = (await pendingLinks(strapi, uid, documentId, locale)).filter((link) => readable(link.field));
  return {
    data: {
      contentType: uid,
      documentId,
      locale,
      sourceLocale: target.sourceLocale,
      status: status?.state ?? 'missing',
      outdatedFields: outdated,
      translatedAt: status?.translatedAt ?? null,
      fields,
      // Links of the other locales whose target has no version in this one yet (shared-relations.ts).
      pendingLinks: pending,
    },
  };
};

/** Suggestions for every text of the source version (each segment, and each sentence of a longer one). */
export const memorySuggestions = async (
  strapi: Core.Strapi,
  target: Target,
  { includeDrafts, readableField, readableType }: { includeDrafts: boolean; readableField: ReadableField; readableType: (contentType: string) => boolean }
) => {
  const source = await loadSource(strapi, target);
  const texts: Array<{ field: string; path: string; sourceText: string }> = [];
  for (const field of localizedFields(strapi, target.uid)) {
    for (const segment of fieldSegments(strapi, target.uid, field, source[field])) {
      if (!readableField(segmentPermissionPath(strapi, target.uid, segment.path))) continue;
      texts.push({ field, path: segment.path, sourceText: segment.text });
      const parts = sentences(segment.text);
      if (parts.length > 1) parts.forEach((sentence, index) => texts.push({ field, path: `${segment.path}#${index}`, sourceText: sentence }));
    }
  }
  const matches: Match[][] = await lookupMemory(strapi, {
    targetLocale: target.locale,
    texts: texts.map((text) => text.sourceText),
    includeDrafts,
    exclude: { contentType: target.uid, documentId: target.documentId },
    readable: readableType,
  });
  return {
    data: texts.map((text, index) => ({ ...text, matches: matches[index] })).filter((text) => text.matches.length > 0),
    meta: { texts: texts.length, includeDrafts },
  };
};
