import type { Core, UID } from '@strapi/strapi';

/**
 * What a cached answer depends on, as tags. A write (src/cache/invalidation.ts) names the tags it
 * can change, and every answer stored with one of them is dropped:
 *
 *  - `d:<uid>:<documentId>`: the answer contains that document (in any locale: a document's
 *    locales share fields, and fallback answers choose between them), populated ones too;
 *  - `t:<uid>`: the answer read that type as a list (a collection route, a single type, a
 *    populated relation, a filter or sort through a relation): any change of any document of the
 *    type may add to it, remove from it or reorder it;
 *  - `s:<uid>:<slug>`: a lookup by slug (`filters[slug][$eq]=…` and nothing else), the usual page
 *    of one document: it depends on the documents it contains and on whichever document has, or
 *    had (src/document-middlewares/previous-slugs.ts), that slug, but not on the rest of the type;
 *  - `c:<uid>`: the answer contains or looked up something of that type; dropped when a write
 *    cannot say which documents it changed (a bulk write).
 *
 * The documents an answer contains are read from the answer itself, walking it along the schema
 * (relations, media, components, dynamic zones): what is in the body is exactly what was read.
 */

export const FILE_UID = 'plugin::upload.file';

export const tags = {
  document: (uid: string, documentId: string) => `d:${uid}:${documentId}`,
  list: (uid: string) => `t:${uid}`,
  slug: (uid: string, slug: string) => `s:${uid}:${slug}`,
  type: (uid: string) => `c:${uid}`,
};

type Attribute = { type: string; target?: string; component?: string; components?: string[]; multiple?: boolean };
type Model = { attributes: Record<string, Attribute> };
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const LOGICAL = new Set(['$and', '$or', '$not']);

/** The top-level answer: which type, and whether it is a list, one document, or a single type. */
export type Answer = { uid: string; kind: 'list' | 'document' | 'single'; query: Json; body: unknown };

export const createDependencyReader = (strapi: Core.Strapi) => {
  const model = (uid: string): Model | undefined => strapi.getModel(uid as UID.Schema) as unknown as Model | undefined;

  /** Documents, media and populated relations in a part of the answer of model `uid`. */
  const walkBody = (uid: string, value: unknown, out: Set<string>, isDocument: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) walkBody(uid, item, out, isDocument);
      return;
    }
    if (!isObject(value)) return;
    const schema = model(uid);
    if (!schema) return;
    if (isDocument) {
      out.add(tags.type(uid));
      if (typeof value.documentId === 'string') out.add(tags.document(uid, value.documentId));
      else out.add(tags.list(uid)); // cannot name it: depend on the whole type
    }
    for (const [name, child] of Object.entries(value)) {
      const attribute = schema.attributes[name];
      if (!attribute) continue;
      if (attribute.type === 'relation' && attribute.target) {
        // Populated: a new or changed document of the target type can join this relation
        // without writing this document (the other side of the link, a publish re-linking).
        out.add(tags.list(attribute.target));
        walkBody(attribute.target, child, out, true);
      } else if (attribute.type === 'media') {
        walkBody(FILE_UID, child, out, true);
      } else if (attribute.type === 'component' && attribute.component) {
        walkBody(attribute.component, child, out, false);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
        for (const item of child) if (isObject(item) && typeof item.__component === 'string') walkBody(item.__component, item, out, false);
      }
    }
  };

  /** Relations crossed by a filter: their target types are read as lists. */
  const walkFilters = (uid: string, filters: unknown, out: Set<string>): void => {
    if (Array.isArray(filters)) {
      for (const item of filters) walkFilters(uid, item, out);
      return;
    }
    if (!isObject(filters)) return;
    const schema = model(uid);
    for (const [key, value] of Object.entries(filters)) {
      if (LOGICAL.has(key)) {
        walkFilters(uid, value, out);
        continue;
      }
      const attribute = schema?.attributes[key];
      const target = attribute?.type === 'media' ? FILE_UID : attribute?.type === 'relation' ? attribute.target : undefined;
      if (target) {
        out.add(tags.list(target));
        walkFilters(target, value, out);
      } else if (attribute?.type === 'component' && attribute.component) {
        walkFilters(attribute.component, value, out);
      }
    }
  };

  /** Relations crossed by a sort (`countries.name:asc`, `{ countries: { name: 'asc' } }`, arrays). */
  const walkSort = (uid: string, sort: unknown, out: Set<string>): void => {
    if (Array.isArray(sort)) {
      for (const item of sort) walkSort(uid, item, out);
    } else if (typeof sort === 'string') {
      for (const part of sort.split(',')) {
        let current: string | undefined = uid;
        for (const name of part.split(':')[0].trim().split('.')) {
          const attribute: Attribute | undefined = current ? model(current)?.attributes[name] : undefined;
          current = attribute?.type === 'media' ? FILE_UID : attribute?.type === 'relation' ? attribute.target : attribute?.component;
          if (current && attribute?.type !== 'component') out.add(tags.list(current));
        }
      }
    } else if (isObject(sort)) {
      for (const [name, value] of Object.entries(sort)) {
        const attribute = model(uid)?.attributes[name];
        const target = attribute?.type === 'media' ? FILE_UID : attribute?.type === 'relation' ? attribute.target : attribute?.component;
        if (!target || !isObject(value)) continue;
        if (attribute?.type !== 'component') out.add(tags.list(target));
        walkSort(target, value, out);
      }
    }
  };

  /** Filters and sorts of a relation's own options (`populate[rel][filters|sort|populate]`). */
  const walkOptions = (uid: string, options: unknown, out: Set<string>): void => {
    if (!isObject(options)) return;
    walkFilters(uid, options.filters, out);
    walkSort(uid, options.sort, out);
    walkPopulate(uid, options.populate, out);
  };

  /** Filters and sorts inside `populate`, at any depth (the populated relations themselves are in the body). */
  const walkPopulate = (uid: string, populate: unknown, out: Set<string>): void => {
    if (!isObject(populate)) return;
    for (const [name, value] of Object.entries(populate)) {
      if (!isObject(value)) continue;
      const attribute = model(uid)?.attributes[name];
      if (attribute?.type === 'dynamiczone') {
        if (isObject(value.on)) for (const [component, options] of Object.entries(value.on)) walkOptions(component, options, out);
        continue;
      }
      const target =
        attribute?.type === 'media' ? FILE_UID : attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
      if (target) walkOptions(target, value, out);
    }
  };

  /** `filters[slug][$eq]=x` (or `filters[slug]=x`) and no other filter: the page of one document. */
  const slugLookup = (filters: unknown): string | null => {
    if (!isObject(filters) || Object.keys(filters).length !== 1) return null;
    const value = filters.slug;
    if (typeof value === 'string') return value;
    if (isObject(value) && Object.keys(value).length === 1 && typeof value.$eq === 'string') return value.$eq;
    return null;
  };

  return (answer: Answer): string[] => {
    const out = new Set<string>([tags.type(answer.uid)]);
    const { query } = answer;
    if (answer.kind === 'list') {
      const slug = model(answer.uid)?.attributes.slug ? slugLookup(query.filters) : null;
      out.add(slug === null ? tags.list(answer.uid) : tags.slug(answer.uid, slug));
    } else if (answer.kind === 'single') {
      out.add(tags.list(answer.uid));
    }
    walkFilters(answer.uid, query.filters, out);
    walkSort(answer.uid, query.sort, out);
    walkPopulate(answer.uid, query.populate, out);
    walkBody(answer.uid, isObject(answer.body) ? answer.body.data : undefined, out, true);
    return [...out];
  };
};
