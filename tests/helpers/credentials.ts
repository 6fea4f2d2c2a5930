import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { http } from './http';

/** An API token of the given type; revoke it with `app.service('admin::api-token').revoke(id)`. */
export const createApiToken = async (app: Core.Strapi, type: 'read-only' | 'full-access') => {
  const token = await app.service('admin::api-token').create({ name: `test-${type}-${crypto.randomUUID()}`, type, lifespan: null });
  return { id: token.id as number, accessKey: token.accessKey as string };
};

/**
 * A new administrator with this role, signed in to the admin panel: their credentials and the
 * headers of their requests. Delete it with `app.db.query('admin::user').delete({ where: { id } })`
 * (the admin service refuses to delete the last Super Admin).
 */
const signedInAdmin = async (app: Core.Strapi, roleId: number, name: string) => {
  const email = `${name}-${crypto.randomUUID()}@example.org`;
  const password = `Aa1-${crypto.randomBytes(12).toString('hex')}`;
  const user = await app.service('admin::user').create({
    email, firstname: 'Test', lastname: name, password, isActive: true, registrationToken: null, roles: [roleId],
  });
  const login = await http(app).post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${login.text}`);
  const jwt = login.body.data.token as string;
  return { id: user.id as number, email, password, jwt, headers: { Authorization: `Bearer ${jwt}` } };
};

/** A super admin signed in to the admin panel (the role is made if the database has none). */
export const createSuperAdmin = async (app: Core.Strapi) => {
  const roles = app.service('admin::role');
  // The test database may hold only the translator role (see the first boot), not Strapi's three.
  let superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) {
    superAdmin = await roles.create({ name: 'Super Admin', code: 'strapi-super-admin', description: 'Super Admins' });
    await roles.resetSuperAdminPermissions();
  }
  return signedInAdmin(app, superAdmin.id, 'admin');
};

/** An administrator with the role of that code (e.g. `strapi-super-admin`, `translator-km`), signed in. */
export const signInWithRole = async (app: Core.Strapi, roleCode: string) => {
  const role = await app.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  return signedInAdmin(app, role.id, roleCode);
};

/** What the write-path tests use: a full-access API token and a signed-in Super Admin; `remove` deletes both. */
export const tokenAndSuperAdmin = async (app: Core.Strapi) => {
  const apiToken = await createApiToken(app, 'full-access');
  const superAdmin = await createSuperAdmin(app);
  return {
    token: apiToken.accessKey,
    admin: { id: superAdmin.id as number, jwt: superAdmin.jwt as string },
    remove: async () => {
      await app.service('admin::api-token').revoke(apiToken.id);
      await app.db.query('admin::user').delete({ where: { id: superAdmin.id } });
    },
  };
};
