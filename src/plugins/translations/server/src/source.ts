import crypto from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { hasDraftAndPublish, schemaOf } from './locales';

/** Per localized field of a document's source (English) version: a short hash of its value. */
export type FieldHashes = Record<string, string>;

type Attribute = { type: string; component?: string; components?: string[]; pluginOptions?: { i18n?: { localized?: boolean } } };

const NOT_TEXT = new Set(['relation', 'media']);

/** The fields a translator translates: localized attributes that are not relations or media. */
export const localizedFields = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(schemaOf(strapi, uid).attributes)
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === true && !NOT_TEXT.has(attribute.type))
    .map(([name]) => name);

/**
 * Populate for the Query Engine that loads components and dynamic zones (deeply), not relations;
 * with `media`, also media fields (as ids), which is what a document's data for a write needs.
 */
export const componentPopulate = (
  strapi: Core.Strapi,
  uid: string,
  { media = false }: { media?: boolean } = {},
  depth = 0
): Record<string, unknown> => {
  if (depth > 5) return {};
  const nestedPopulate = (component: string) => {
    const nested = componentPopulate(strapi, component, { media }, depth + 1);
    return Object.keys(nested).length > 0 ? { populate: nested } : undefined;
  };
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(schemaOf(strapi, uid).attributes) as Array<[string, Attribute]>) {
    if (attribute.type === 'component' && attribute.component) {
      populate[name] = nestedPopulate(attribute.component) ?? true;
    } else if (attribute.type === 'dynamiczone' && attribute.components) {
      populate[name] = {
        on: Object.fromEntries(attribute.components.map((component) => [component, nestedPopulate(component) ?? {}])),
      };
    } else if (media && attribute.type === 'media') {
      populate[name] = { select: ['id'] };
    }
  }
  return populate;
};

/** A value without row ids (components get new ids on every save), keys sorted, as JSON. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .filter((key) => key !== 'id' && key !== 'documentId')
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
    );
  }
  return value ?? null;
};

export const hashOf = (value: unknown): string =>
  crypto.createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex').slice(0, 16);

export const fieldHashes = (strapi: Core.Strapi, uid: string, entry: Record<string, unknown>): FieldHashes =>
  Object.fromEntries(localizedFields(strapi, uid).map((field) => [field, hashOf(entry[field])]));

/** One hash for the whole source text: the "source revision" a translation was made from. */
export const revisionOf = (hashes: FieldHashes): string => hashOf(hashes);

/** The latest saved version (the draft, with draft & publish) of a document in one locale, with its components. */
export const loadVersion = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string
): Promise<Record<string, unknown> | null> =>
  strapi.db.query(uid as UID.Schema).findOne({
    where: { documentId, locale, ...(hasDraftAndPublish(strapi, uid) ? { publishedAt: null } : {}) },
    populate: componentPopulate(strapi, uid),
  });

/** The field that names a document in lists: title, name or the first string field. */
export const titleField = (strapi: Core.Strapi, uid: string): string | null => {
  const attributes = schemaOf(strapi, uid).attributes;
  for (const candidate of ['title', 'name', 'siteName']) if (attributes[candidate]) return candidate;
  return Object.entries(attributes).find(([, attribute]) => attribute.type === 'string')?.[0] ?? null;
};
