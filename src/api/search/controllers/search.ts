import type { Core } from '@strapi/strapi';
import { parseSearchQuery } from '../../../search/search-query';
import { search } from '../../../search/query';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    const params = await parseSearchQuery(strapi, ctx.query);
    const { hits, total } = await search(strapi, params);
    ctx.body = {
      data: hits,
      meta: { pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total } },
    };
  },
});
