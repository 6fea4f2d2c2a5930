import type { Core } from '@strapi/strapi';
import { isLocalizedApiType, localeCodes, schemaOf } from './locales';

export const TRANSLATOR_ROLE = {
  code: 'translator-km',
  name: 'Translator (Khmer)',
  description: 'Reads all content; creates, edits and publishes the Khmer (km) versions only; never deletes, never edits English.',
  locale: 'km',
};

const READ = 'plugin::content-manager.explorer.read';
const CREATE = 'plugin::content-manager.explorer.create';
const WRITE = [CREATE, 'plugin::content-manager.explorer.update'];
const PUBLISH = 'plugin::content-manager.explorer.publish';
/** Media library: see and pick the images and files editors uploaded (not upload, edit or delete them). */
const MEDIA = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/**
 * Whether a (possibly nested, e.g. "keyFigures.label") field is one a translator edits: a
 * localized attribute. Shared fields (slug, dates, numbers, media) and relations (shared links,
 * shared-relations.ts) are never editable from the Khmer version: the change would reach English.
 */
const isTranslatable = (strapi: Core.Strapi, uid: string, field: string): boolean => {
  const attribute = schemaOf(strapi, uid).attributes[field.split('.')[0]];
  return attribute?.pluginOptions?.i18n?.localized === true && attribute.type !== 'media' && attribute.type !== 'relation';
};

/** The role's permissions, built from the content types of this application. */
export const translatorPermissions = async (strapi: Core.Strapi): Promise<Permission[]> => {
  // Reads every locale (km included, also on a first start where the app creates km after this runs).
  const allLocales = [...new Set([...(await localeCodes(strapi)), TRANSLATOR_ROLE.locale])].sort();
  const actions = (strapi.service('admin::permission').actionProvider.values() as Array<{ actionId: string; section: string }>).filter(
    (action) => action.section === 'contentTypes' && [READ, PUBLISH, ...WRITE].includes(action.actionId)
  );
  const permissions = strapi.service('admin::content-type').getPermissionsWithNestedFields(actions) as Permission[];
  return [
    ...permissions
      .filter((permission) => typeof permission.subject === 'string' && isLocalizedApiType(strapi, permission.subject))
      .map((permission) => {
        const uid = permission.subject as string;
        const fields = permission.properties?.fields as string[] | undefined;
        if (permission.action === READ) {
          return { ...permission, properties: { ...permission.properties, locales: allLocales } };
        }
        // Creating a version keeps every field: the content manager shows a new version's fields that
        // the role may not create as "No permissions"; with them, the shared ones appear with their
        // value, read-only (the admin's layout disables them), and the server takes them from the
        // source locale whatever is sent (new-locale.ts).
        if (permission.action === CREATE) {
          return { ...permission, properties: { ...permission.properties, locales: [TRANSLATOR_ROLE.locale] } };
        }
        return {
          ...permission,
          properties: {
            ...permission.properties,
            ...(fields ? { fields: fields.filter((field) => isTranslatable(strapi, uid, field)) } : {}),
            locales: [TRANSLATOR_ROLE.locale],
          },
        };
      }),
    ...MEDIA.map((action) => ({ action })),
  ];
};

/**
 * Creates the "Translator (Khmer)" admin role on the first start that has the plugin, and never
 * again: an administrator may then change (or delete) it in Settings › Roles without seeing it
 * come back. It must run after the admin panel's bootstrap (the application's bootstrap does),
 * which creates Super Admin, Editor and Author only while no role exists at all: created before,
 * this role would leave a fresh database without them, and the first administrator could not
 * register.
 */
export const ensureTranslatorRole = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'translations' });
  if (await store.get({ key: 'translator-role-created' })) return;

  const roles = strapi.service('admin::role');
  // The admin panel creates Super Admin, Editor and Author only while no role exists, and this
  // bootstrap runs before its own: without this, a fresh database would have no Super Admin role
  // and the first administrator could not register.
  await roles.createRolesIfNoneExist();
  const existing = await strapi.db.query('admin::role').findOne({ where: { code: TRANSLATOR_ROLE.code } });
  if (!existing) {
    const role = await roles.create({ name: TRANSLATOR_ROLE.name, code: TRANSLATOR_ROLE.code, description: TRANSLATOR_ROLE.description });
    await roles.assignPermissions(role.id, await translatorPermissions(strapi));
    strapi.log.info(`[translations] Created the admin role "${TRANSLATOR_ROLE.name}"`);
  }
  await store.set({ key: 'translator-role-created', value: true });
};
