import crypto from 'crypto';
import type { Core, Modules, UID } from '@strapi/strapi';
import { slugTakenByAnother } from './previous-slugs';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LENGTH = 96;

/** ASCII slug of a title: accents stripped, anything else than a-z and 0-9 as a hyphen. */
export const asciiSlug = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');

/**
 * A slug for a title with no Latin letters (a Khmer-only title): the type's name and a short id
 * derived from the title, so the same title always gets the same slug.
 */
const shortIdSlug = (singularName: string, title: string): string =>
  `${singularName}-${crypto.createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 8)}`;

const titleField = (attributes: Record<string, { type: string; targetField?: string }>): string | undefined => attributes.slug?.targetField;

/**
 * The admin panel fills a new entry's slug once, when its form opens with an empty title: the
 * type's name ("project", "project-1"…). That is no slug anyone chose, so it counts as none.
 */
const isPlaceholder = (slug: string, modelName: string): boolean => new RegExp(`^${modelName}(?:-\\d+)?$`).test(slug);

/**
 * A document created without a slug (or with the admin panel's placeholder) gets one (Strapi's generator returns "" for a Khmer title,
 * and the admin's is only a suggestion): ASCII from the title, or a short id when the title has no
 * Latin letters; suffixed -2, -3… when another document of the type has it or had it. The slug is a shared
 * field, so every locale of the document has it.
 */
export const asciiSlugs =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if ((context.action !== 'create' && context.action !== 'update') || !context.uid.startsWith('api::')) return next();
    const model = strapi.getModel(context.uid);
    const source = titleField(model.attributes as never);
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!source || !data || (typeof data.slug === 'string' && data.slug !== '' && !isPlaceholder(data.slug, model.modelName))) return next();
    if (context.action === 'update') {
      // A version of an existing document keeps the document's slug: an empty or placeholder slug is
      // no change (a new locale version takes the document's, see shared-fields.ts).
      if ('slug' in data) {
        const { slug: _none, ...rest } = data;
        context.params = { ...params, data: rest } as never;
      }
      return next();
    }
    const title = typeof data[source] === 'string' ? (data[source] as string) : '';
    if (title.trim() === '') return next();

    const base = asciiSlug(title) || shortIdSlug(model.info.singularName, title);
    let slug = base;
    // Not one another document has, in any locale, or had (its old links keep answering).
    for (let n = 2; await slugTakenByAnother(strapi, context.uid as UID.ContentType, slug); n++) slug = `${base}-${n}`;
    if (!SLUG.test(slug)) return next();
    context.params = { ...params, data: { ...data, slug } } as never;
    return next();
  };
