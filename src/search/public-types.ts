import type { Core } from '@strapi/strapi';
import { INDEXED_TYPES } from './indexed-types';

/**
 * The searchable types visitors may read: those whose `find` the users-permissions Public role has.
 * The search is public (no token), so it answers no more than `GET /api/<type>` would: a type an
 * administrator closed to the public (Settings › Users & Permissions › Roles › Public) drops out of
 * the search with it. Read on every search not served from the response cache: one query, as
 * users-permissions makes for every anonymous `GET /api/<type>` (its findPublicPermissions). Not
 * kept in memory: another instance's change would not reach it, and a stale answer would then be
 * stored in the shared response cache.
 */
export const publicSearchTypes = async (strapi: Core.Strapi, types: string[]): Promise<string[]> => {
  const actions = types.map((type) => `${INDEXED_TYPES[type].uid}.find`);
  const granted: Array<{ action: string }> = await strapi.db.query('plugin::users-permissions.permission').findMany({
    select: ['action'],
    where: { action: { $in: actions }, role: { type: 'public' } },
  });
  const allowed = new Set(granted.map((permission) => permission.action));
  return types.filter((type) => allowed.has(`${INDEXED_TYPES[type].uid}.find`));
};
