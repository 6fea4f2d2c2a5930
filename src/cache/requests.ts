import type { Core } from '@strapi/strapi';
import { contentApiSegments } from '../content-api/request';

/**
 * Which requests the response cache answers, and under which key. Shared by the koa middleware
 * (which computes and stores answers) and the fast path (which serves stored ones).
 */
export const createRequestRules = (strapi: Core.Strapi) => {
  const apiSegments = contentApiSegments(strapi);
  // First path segments of the content API that read content: /api/<plural>[/<id>], /api/<single>.
  const routes = new Map(
    Object.values(strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .map((contentType) => [
        contentType.kind === 'singleType' ? contentType.info.singularName : contentType.info.pluralName,
        { uid: contentType.uid as string, single: contentType.kind === 'singleType' },
      ])
  );

  return {
    /** Anonymous reads of content only: a request with credentials may see drafts or private data. */
    isCacheable(method: string, path: string, authorization: string | undefined): boolean {
      if (method !== 'GET' || authorization) return false;
      const segments = apiSegments(path);
      return segments !== null && segments.length <= 2 && routes.has(segments[0]);
    },

    /** The content type a cacheable path reads, and whether it is a list, one document or a single type. */
    answerOf(path: string): { uid: string; kind: 'list' | 'document' | 'single' } | undefined {
      const segments = apiSegments(path);
      const route = segments && routes.get(segments[0]);
      if (!segments || !route) return undefined;
      return { uid: route.uid, kind: route.single ? 'single' : segments.length === 2 && segments[1] !== '' ? 'document' : 'list' };
    },

    /**
     * The path, the query with its parameters in a stable order (`a=1&b=2` and `b=2&a=1` share an
     * entry; repeated names such as `sort=b&sort=a` keep their order, which carries meaning), and
     * the Origin, because the answer carries that origin's CORS headers.
     */
    keyOf(path: string, querystring: string, origin: string | undefined): string {
      const query = querystring
        .split('&')
        .filter(Boolean)
        .map((part) => [part.split('=', 1)[0], part] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, part]) => part)
        .join('&');
      return `${path}?${query}#${origin ?? ''}`;
    },
  };
};

export type RequestRules = ReturnType<typeof createRequestRules>;
