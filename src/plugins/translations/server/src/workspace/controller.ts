import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { memorySuggestions, parseTarget, sourcePanel, type Target } from './panel';

type Context = { query: Record<string, unknown>; state: { userAbility?: unknown }; body: unknown };

/** The admin may read the document in both the translation's and the source's locale. */
const assertCanRead = (strapi: Core.Strapi, ctx: Context, target: Target): void => {
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: target.uid });
  for (const locale of [target.locale, target.sourceLocale]) {
    if (checker.cannot.read({ locale })) throw new errors.PolicyError(`You may not read ${target.uid.split('.').pop()} in the locale "${locale}"`);
  }
};

/** Admin routes of the edit view's side panel: GET /translations/workspace/source and /workspace/memory. */
export const workspaceController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async source(ctx: Context) {
    const target = await parseTarget(strapi, ctx.query);
    assertCanRead(strapi, ctx, target);
    ctx.body = await sourcePanel(strapi, target);
  },
  async memory(ctx: Context) {
    const target = await parseTarget(strapi, ctx.query);
    assertCanRead(strapi, ctx, target);
    if (ctx.query.drafts !== undefined && ctx.query.drafts !== 'true' && ctx.query.drafts !== 'false') {
      throw new errors.ValidationError('drafts must be true or false', { key: 'drafts' });
    }
    ctx.body = await memorySuggestions(strapi, target, ctx.query.drafts === 'true');
  },
});
