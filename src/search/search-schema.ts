import { z } from '@strapi/utils';
import { SEARCH_TYPES } from './indexed-types';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH } from './search-query';

/**
 * GET /api/search's parameters and answer as route schemas, from the same limits the parser
 * (search-query.ts) enforces: Strapi writes them into /api/openapi.json, from which frontends
 * generate typed clients. Errors are Strapi's error body (src/middlewares/openapi-document.ts).
 */

const searchType = z.enum(SEARCH_TYPES as [string, ...string[]]);
const localeCode = z.string().min(1).describe('A locale code of the site (GET /api/i18n/locales), e.g. `en`, `km`');

export const searchQuery = {
  q: z
    .string()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .describe(`The text to search for (at most ${MAX_QUERY_LENGTH} characters). Every word must occur; Khmer needs no spaces.`),
  locale: localeCode.optional().describe('The locale to search in (default: the default locale)'),
  fallbackLocale: z
    .union([localeCode, z.array(localeCode)])
    .optional()
    .describe('Locales to serve a document in when it has no published version in `locale`, in order (several: repeat the parameter or separate by commas)'),
  types: z
    .union([searchType, z.array(searchType)])
    .optional()
    .describe('Only these types (several: repeat the parameter or separate by commas; default: all)'),
  pagination: z
    .object({
      page: z.int().min(1).optional().describe('Page number, from 1'),
      pageSize: z
        .int()
        .min(1)
        .max(MAX_PAGE_SIZE)
        .optional()
        .describe(`Results per page (default ${DEFAULT_PAGE_SIZE}; more than ${MAX_PAGE_SIZE} is reduced to ${MAX_PAGE_SIZE})`),
    })
    .optional(),
};

export const paginationMeta = z.object({
  page: z.int().min(1),
  pageSize: z.int().min(1),
  pageCount: z.int().min(0),
  total: z.int().min(0),
});

export const searchHit = z.object({
  type: searchType.describe('The route of the document: fetch it at /api/<type>/<documentId>, or by slug'),
  documentId: z.string(),
  slug: z.string().nullable(),
  title: z.string().describe('In the locale served'),
  snippet: z.string().describe('HTML-escaped passage where the words occur, each occurrence in <mark>…</mark>; empty when none is shown'),
  locale: z.string().describe('The locale of the version served (with fallbackLocale, may differ from `locale`)'),
  score: z.number().describe('Relevance: a word in the title counts 100, in the summary 10, in the body 1'),
});

export const searchAnswer = z.object({
  data: z.array(searchHit),
  meta: z.object({ pagination: paginationMeta }),
});
