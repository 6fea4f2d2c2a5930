import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';

type Attribute = { type: string; component?: string; components?: string[]; relation?: string };
type Row = Record<string, unknown>;

// Row ids and authorship are not content: ids may be renumbered by a restore, and `strapi import`
// leaves createdBy/updatedBy empty (admin users are not part of an export).
const NOT_CONTENT = new Set(['id', 'createdBy', 'updatedBy']);
const RELATED = ['documentId', 'locale', 'publishedAt'];
const MEDIA = ['name', 'hash', 'ext', 'mime', 'size', 'url', 'width', 'height', 'alternativeText', 'caption', 'formats'];

const attributesOf = (app: Core.Strapi, uid: string): Record<string, Attribute> =>
  app.getModel(uid as UID.Schema).attributes as Record<string, Attribute>;

/** Populate for the Query Engine: every component and dynamic zone (deeply), relation and media field. */
const everything = (app: Core.Strapi, uid: string, depth = 0): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(app, uid))) {
    if (NOT_CONTENT.has(name)) continue;
    if (attribute.type === 'component' && attribute.component) {
      populate[name] = { populate: everything(app, attribute.component, depth + 1) };
    } else if (attribute.type === 'dynamiczone' && attribute.components) {
      populate[name] = { on: Object.fromEntries(attribute.components.map((c) => [c, { populate: everything(app, c, depth + 1) }])) };
    } else if (attribute.type === 'media') {
      populate[name] = { select: MEDIA, orderBy: { hash: 'asc' } };
    } else if (attribute.type === 'relation' && attribute.relation !== 'morphToMany') {
      populate[name] = { select: RELATED };
    }
  }
  return populate;
};

/** Keys sorted, row ids and authorship dropped, dates as ISO strings: equal content, equal JSON. */
const canonical = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Row)
        .filter((key) => !NOT_CONTENT.has(key) && !key.startsWith('__'))
        .sort()
        .map((key) => [key, canonical((value as Row)[key])])
    );
  }
  return value ?? null;
};

const byKey = (key: (row: Row) => string) => (a: Row, b: Row) => key(a).localeCompare(key(b));
const versionKey = (row: Row) => `${row.documentId}|${row.locale ?? ''}|${row.publishedAt ? 'published' : 'draft'}`;

const sha256 = (file: string): string =>
  fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'missing';

/**
 * Everything a backup must bring back, as comparable JSON: every version (locale × draft/published)
 * of every document of our content types with its components, dynamic zones, relations and media;
 * the media library with the SHA-256 of every file and format on disk; the locales; and the
 * translation workflow's own status rows. Two databases hold the same content exactly when their
 * snapshots are equal.
 */
export const contentSnapshot = async (app: Core.Strapi): Promise<Record<string, unknown>> => {
  const snapshot: Record<string, unknown> = {};
  const uids = Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::')).sort() as UID.ContentType[];
  for (const uid of uids) {
    const rows = (await app.db.query(uid).findMany({ populate: everything(app, uid) })) as Row[];
    snapshot[uid] = rows.sort(byKey(versionKey)).map(canonical);
  }

  const publicDir = app.dirs.static.public;
  const files = (await app.db.query('plugin::upload.file').findMany({ select: MEDIA })) as Row[];
  snapshot['plugin::upload.file'] = files.sort(byKey((file) => String(file.hash))).map((file) => {
    const formats = (file.formats ?? {}) as Record<string, { url: string }>;
    return canonical({
      ...file,
      bytes: sha256(path.join(publicDir, String(file.url))),
      formatBytes: Object.fromEntries(Object.entries(formats).map(([name, format]) => [name, sha256(path.join(publicDir, format.url))])),
    });
  });

  const locales = (await app.db.query('plugin::i18n.locale').findMany({ select: ['code', 'name'] })) as Row[];
  const defaultLocale = await app.plugin('i18n').service('locales').getDefaultLocale();
  snapshot['plugin::i18n.locale'] = locales
    .sort(byKey((locale) => String(locale.code)))
    .map((locale) => canonical({ ...locale, isDefault: locale.code === defaultLocale }));

  const statuses = (await app.db.query('plugin::translations.status').findMany({})) as Row[];
  snapshot['plugin::translations.status'] = statuses
    .sort(byKey((status) => `${status.contentType}|${status.entryDocumentId}|${status.targetLocale}`))
    .map(canonical);
  return snapshot;
};

/** Versions per content type and status, to say what a snapshot covers. */
export const snapshotSummary = (snapshot: Record<string, unknown>): Record<string, number> =>
  Object.fromEntries(Object.entries(snapshot).map(([key, rows]) => [key, (rows as unknown[]).length]));

/**
 * The same content told by natural keys instead of generated ones (documentIds, upload hashes,
 * timestamps), so that databases loaded separately (two runs of the seed) can be compared: every
 * documentId becomes "<type>#<slug>", publishedAt becomes published true/false, a media file is its
 * name and the SHA-256 of its bytes.
 */
export const naturalSnapshot = async (app: Core.Strapi): Promise<Record<string, Row[]>> => {
  const names = new Map<string, string>();
  for (const uid of Object.keys(app.contentTypes).filter((u) => u.startsWith('api::')) as UID.ContentType[]) {
    const hasSlug = 'slug' in attributesOf(app, uid);
    const rows = (await app.db.query(uid).findMany({ select: ['documentId', ...(hasSlug ? ['slug'] : [])] })) as Row[];
    for (const row of rows) names.set(String(row.documentId), `${uid}#${row.slug ?? 'single'}`);
  }
  const GENERATED = new Set(['createdAt', 'updatedAt', 'translatedAt', 'url', 'hash', 'formats', 'formatBytes']);
  const natural = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((item) => natural(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Row)
          .filter(([k]) => !GENERATED.has(k))
          .map(([k, v]) => (k === 'publishedAt' ? ['published', v !== null] : [k, natural(v, k)]))
      );
    }
    return (key === 'documentId' || key === 'entryDocumentId') && typeof value === 'string' ? names.get(value) ?? `unknown ${value}` : value;
  };
  const snapshot = await contentSnapshot(app);
  return Object.fromEntries(
    Object.entries(snapshot).map(([key, rows]) => {
      // A status row's own documentId is generated; the document it is about is entryDocumentId.
      const own = key === 'plugin::translations.status' ? new Set(['documentId', 'locale', 'published']) : new Set<string>();
      const mapped = (rows as Row[]).map((row) => Object.fromEntries(Object.entries(natural(row) as Row).filter(([k]) => !own.has(k))));
      return [key, mapped.sort(byKey((row) => JSON.stringify([row.documentId ?? row.entryDocumentId ?? row.name ?? row.code, row.locale ?? row.targetLocale, row.published])))];
    })
  );
};
