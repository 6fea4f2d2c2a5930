import type { Core, UID } from '@strapi/strapi';
import { adminAccess } from '../plugins/translations/server/src/access';

export interface SiteSettings {
  url: string;
  revalidateSecret: string;
  previewSecret: string;
}

/** The content types the site has pages for (the rest, e.g. partners, have no preview). */
const SITE_TYPES = new Set(['project', 'country', 'programme', 'theme', 'voice', 'photo-gallery', 'publication', 'speech', 'vacancy', 'page', 'global']);

/**
 * The address the admin panel's preview opens for a document: the site's /api/preview, which
 * checks the secret, turns on draft mode (for the draft) or off (for the published version) and
 * shows the document's page in the edited locale. undefined: this type has no page on the site.
 */
export const previewUrl = async (
  strapi: Core.Strapi,
  site: SiteSettings,
  uid: UID.ContentType,
  { documentId, locale, status }: { documentId: string; locale?: string | null; status?: 'draft' | 'published' | null }
): Promise<string | undefined> => {
  const type = strapi.contentTypes[uid]?.info.singularName;
  if (!uid.startsWith('api::') || !type || !SITE_TYPES.has(type)) return undefined;
  // Strapi's preview route only asks for a signed-in administrator ("TODO: Permissions to preview
  // content"), and the link carries the site's preview secret, which opens every draft on the
  // site: only for a role that may read this type in this locale (docs/security.md).
  const userAbility = strapi.requestContext.get()?.state?.userAbility;
  const subject = { locale: locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()) };
  if (!userAbility || !adminAccess(strapi, userAbility).can('read', uid, subject)) return undefined;
  const params = new URLSearchParams({ secret: site.previewSecret, type, locale: locale ?? 'en', status: status ?? 'draft' });
  if (type !== 'global') {
    const document = (await strapi.documents(uid).findOne({ documentId, locale: locale ?? undefined, status: status ?? 'draft', fields: ['slug'] } as never)) as { slug?: string } | null;
    if (!document?.slug) return undefined;
    params.set('slug', document.slug);
  }
  return `${site.url}/api/preview?${params.toString()}`;
};
