import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, schemaOf, targetLocales } from '../locales';
import { lookupMemory, type Match } from '../memory/lookup';
import { sentences } from '../memory/segments';
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

export const sourcePanel = async (strapi: Core.Strapi, target: Target) => {
  const { uid, documentId, locale } = target;
  const source = await loadSource(strapi, target);
  const [status, snapshot] = await Promise.all([
    strapi.db.query(STATUS_UID).findOne({
      select: ['state', 'outdatedFields', 'translatedAt'],
      where: { contentType: uid, entryDocumentId: documentId, targetLocale: locale },
    }),
    findSnapshot(strapi, uid, documentId, locale),
  ]);
  const outdated: string[] = status?.outdatedFields ?? [];
  const attributes = schemaOf(strapi, uid).attributes;
  const fields: PanelField[] = localizedFields(strapi, uid).map((name) => {
    const type = attributes[name].type;
    const value = source[name];
    const field: PanelField = { name, type, outdated: outdated.includes(name) };
    if (type === 'blocks') field.blocks = Array.isArray(value) ? value : [];
    else if (type === 'component' || type === 'dynamiczone') field.segments = fieldSegments(strapi, uid, name, value);
    else field.text = typeof value === 'string' ? value : value == null ? '' : String(value);
    if (field.outdated) {
      const before = snapshot[name];
      field.diff = before ? wordDiff(before.text, fieldText(strapi, uid, name, value)) : null;
    }
    return field;
  });
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
    },
  };
};

/** Suggestions for every text of the source version (each segment, and each sentence of a longer one). */
export const memorySuggestions = async (strapi: Core.Strapi, target: Target, includeDrafts: boolean, readable?: (contentType: string) => boolean) => {
  const source = await loadSource(strapi, target);
  const texts: Array<{ field: string; path: string; sourceText: string }> = [];
  for (const field of localizedFields(strapi, target.uid)) {
    for (const segment of fieldSegments(strapi, target.uid, field, source[field])) {
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
    readable,
  });
  return {
    data: texts.map((text, index) => ({ ...text, matches: matches[index] })).filter((text) => text.matches.length > 0),
    meta: { texts: texts.length, includeDrafts },
  };
};
