import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminAccess, type ContentAccess } from '../access';
import { memorySuggestions, parseTarget, sourcePanel, type Target } from './panel';

type Context = { query: Record<string, unknown>; state: { userAbility?: unknown }; body: unknown };

/** Whether the administrator may read a type (or one of its fields) in both the translation's and the source's locale. */
const readsBoth = (access: ContentAccess, uid: string, target: Target, field?: string): boolean =>
  [target.locale, target.sourceLocale].every((locale) => access.can('read', uid, { locale }, field));

const checkedTarget = async (strapi: Core.Strapi, ctx: Context) => {
  const target = await parseTarget(strapi, ctx.query);
  const access = adminAccess(strapi, ctx.state.userAbility);
  for (const locale of [target.locale, target.sourceLocale]) {
    if (!access.can('read', target.uid, { locale })) throw new errors.PolicyError(`You may not read ${target.uid.split('.').pop()} in the locale "${locale}"`);
  }
  return { target, access };
};

/** Admin routes of the edit view's side panel: GET /translations/workspace/source and /workspace/memory. */
export const workspaceController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async source(ctx: Context) {
    const { target, access } = await checkedTarget(strapi, ctx);
    ctx.body = await sourcePanel(strapi, target, (field) => readsBoth(access, target.uid, target, field));
  },
  async memory(ctx: Context) {
    const { target, access } = await checkedTarget(strapi, ctx);
    if (ctx.query.drafts !== undefined && ctx.query.drafts !== 'true' && ctx.query.drafts !== 'false') {
      throw new errors.ValidationError('drafts must be true or false', { key: 'drafts' });
    }
    // Suggestions for the fields, and from the types, the administrator may read in both locales.
    ctx.body = await memorySuggestions(strapi, target, {
      includeDrafts: ctx.query.drafts === 'true',
      readableField: (field) => readsBoth(access, target.uid, target, field),
      readableType: (uid) => readsBoth(access, uid, target),
    });
  },
});
