import type { Core } from '@strapi/strapi';

export type ContentAction = 'read' | 'create' | 'update';

/**
 * What a caller may do with content, asked per content type and locale (and field, for writes).
 * The admin routes pass the signed-in administrator's; the command line (`npm run xliff`) and the
 * content-API routes (guarded by their API token's permissions) pass none.
 */
export type ContentAccess = {
  /**
   * `entity` is the version concerned when it exists (its locale, and what a role's conditions
   * look at, e.g. createdBy), else `{ locale }`. `field` is a permission path such as
   * "title" or "keyFigures.label".
   */
  can(action: ContentAction, uid: string, entity: { locale: string } & Record<string, unknown>, field?: string): boolean;
};

type Checker = {
  can: Record<ContentAction, (entity?: object, field?: string) => boolean>;
};

/**
 * The administrator's rights as the content manager decides them: its permission checker on the
 * user's ability, so that a role's locales (i18n turns them into a `locale $in` condition), fields
 * and conditions count exactly as they do in the edit view.
 */
export const adminAccess = (strapi: Core.Strapi, userAbility: unknown): ContentAccess => {
  if (!userAbility) throw new Error('adminAccess needs the signed-in administrator (admin routes with admin::isAuthenticatedAdmin)');
  const checkers = new Map<string, Checker>();
  const checker = (uid: string): Checker => {
    let found = checkers.get(uid);
    if (!found) {
      found = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid }) as Checker;
      checkers.set(uid, found);
    }
    return found;
  };
  return { can: (action, uid, entity, field) => checker(uid).can[action](entity, field) };
};
