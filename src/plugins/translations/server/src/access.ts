import type { Core } from '@strapi/strapi';
import { schemaOf } from './locales';

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

/**
 * Where a value lives, as roles name fields: "title", "keyFigures.label" (components are walked
 * into, list positions skipped); a dynamic zone is one field. `valuePath` is the path of the value
 * in the version: ["keyFigures", 0, "label"].
 */
export const permissionPath = (strapi: Core.Strapi, uid: string, valuePath: Array<string | number>): string => {
  const names: string[] = [];
  let attributes = schemaOf(strapi, uid).attributes as Record<string, { type: string; component?: string }>;
  for (const segment of valuePath) {
    if (typeof segment === 'number') continue;
    names.push(segment);
    const attribute = attributes[segment];
    if (attribute?.type !== 'component' || !attribute.component) break;
    attributes = schemaOf(strapi, attribute.component).attributes as typeof attributes;
  }
  return names.join('.');
};

/** The permission path of a text segment's path ("keyFigures/0/label", "background/3"). */
export const segmentPermissionPath = (strapi: Core.Strapi, uid: string, segmentPath: string): string =>
  permissionPath(strapi, uid, segmentPath.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));

/** The permission paths of a field: itself, or for a component every field inside it ("seo.metaTitle"). */
export const fieldPermissionPaths = (strapi: Core.Strapi, uid: string, field: string): string[] => {
  const attribute = schemaOf(strapi, uid).attributes[field] as { type: string; component?: string } | undefined;
  if (attribute?.type !== 'component' || !attribute.component) return [field];
  const component = attribute.component;
  return Object.keys(schemaOf(strapi, component).attributes).flatMap((inner) => fieldPermissionPaths(strapi, component, inner).map((path) => `${field}.${path}`));
};
