import type { Core } from '@strapi/strapi';

/** A single type has one entry per locale, so it has no findOne. */
const publicActions = (kind: string): string[] => (kind === 'singleType' ? ['find'] : ['find', 'findOne']);

/**
 * Grants the Public role read access to every content type of ours, once per content type:
 * the list of content types already granted is kept in the core store, so an administrator who
 * later removes a permission in the admin panel does not see it come back on the next start,
 * while a content type added later is opened up on its first start.
 */
export const grantPublicReadAccess = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'habitat' });
  const granted = ((await store.get({ key: 'public-read-granted' })) as string[] | null) ?? [];
  const pending = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::') && !granted.includes(uid));
  if (pending.length === 0) return;

  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('The users-permissions Public role is missing');

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const uid of pending) {
    const { kind } = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    for (const action of publicActions(kind).map((name) => `${uid}.${name}`)) {
      if (!(await permissions.findOne({ where: { action, role: publicRole.id } }))) {
        await permissions.create({ data: { action, role: publicRole.id } });
      }
    }
  }
  await store.set({ key: 'public-read-granted', value: [...granted, ...pending] });
  strapi.log.info(`Public read access granted on ${pending.length} content types`);
};

/** Visitors read the site; they do not sign up. Applied once, so an administrator can change it. */
export const disablePublicRegistration = async (strapi: Core.Strapi): Promise<void> => {
  const habitat = strapi.store({ type: 'plugin', name: 'habitat' });
  if (await habitat.get({ key: 'registration-closed' })) return;

  const usersPermissions = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await usersPermissions.get({ key: 'advanced' })) as Record<string, unknown> | null) ?? {};
  await usersPermissions.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  await habitat.set({ key: 'registration-closed', value: true });
};
