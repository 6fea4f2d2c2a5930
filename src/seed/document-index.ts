import type { Core, UID } from '@strapi/strapi';
import { formerOwner } from '../document-middlewares/previous-slugs';

export type DocumentRef = { documentId: string; locales: Set<string> };

/**
 * Finds seeded documents by their natural key (the slug, shared by every locale) and remembers
 * which locales each one has, so relations can be set in every locale that exists. A document an
 * editor renamed is found by its old slug.
 */
export const createDocumentIndex = (strapi: Core.Strapi) => {
  const cache = new Map<string, DocumentRef | null>();
  const key = (uid: string, slug: string | null) => `${uid}|${slug ?? ''}`;

  return {
    async find(uid: UID.ContentType, slug: string | null): Promise<DocumentRef | null> {
      const k = key(uid, slug);
      if (!cache.has(k)) {
        const rowsWhere = (where: Record<string, unknown>) =>
          strapi.db.query(uid).findMany({ where, select: ['documentId', 'locale'] }) as Promise<Array<{ documentId: string; locale: string }>>;
        let rows = await rowsWhere(slug === null ? {} : { slug });
        const renamed = rows.length === 0 && slug !== null ? await formerOwner(strapi, uid, slug) : null;
        if (renamed) rows = await rowsWhere({ documentId: renamed });
        cache.set(k, rows.length ? { documentId: rows[0].documentId, locales: new Set(rows.map((r) => r.locale)) } : null);
      }
      return cache.get(k)!;
    },

    remember(uid: UID.ContentType, slug: string | null, documentId: string, locale: string): void {
      const ref = cache.get(key(uid, slug)) ?? { documentId, locales: new Set<string>() };
      ref.locales.add(locale);
      cache.set(key(uid, slug), ref);
    },
  };
};

export type DocumentIndex = ReturnType<typeof createDocumentIndex>;
