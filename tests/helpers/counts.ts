import type { Core, UID } from '@strapi/strapi';

/** Rows per table that a boot could add to: our content types, locales, permissions, media. */
export const documentCounts = async (app: Core.Strapi): Promise<Record<string, number>> => {
  const uids = [
    ...Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::')),
    'plugin::i18n.locale',
    'plugin::users-permissions.permission',
    'plugin::users-permissions.role',
    'plugin::upload.file',
  ] as UID.ContentType[];
  const counts: Record<string, number> = {};
  for (const uid of uids) counts[uid] = await app.db.query(uid).count();
  return counts;
};
