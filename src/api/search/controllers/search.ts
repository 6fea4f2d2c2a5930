import type { Core } from '@strapi/strapi';
import { parseSearchQuery } from '../../../search/search-query';
import { search } from '../../../search/query';
import { publicSearchTypes } from '../../../search/public-types';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    const params = await parseSearchQuery(strapi, ctx.query);
    params.types = await publicSearchTypes(strapi, params.types);
    const { hits, total } = params.types.length > 0 ? await search(strapi, params) : { hits: [], total: 0 };
    ctx.body = {
      data: hits,
      meta: { pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total } },
    };
  },
});
