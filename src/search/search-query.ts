import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertKnownLocales, defaultFallbacks, parseLocaleList } from '../plugins/translations/server/src/fallback';
import { wholeNumberParam } from '../content-api/request';
import { SEARCH_TYPES } from './indexed-types';
import type { SearchParams } from './query';

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
const ALLOWED = new Set(['q', 'locale', 'fallbackLocale', 'types', 'pagination']);

const fail = (message: string, key: string): never => {
  throw new errors.ValidationError(message, { key });
};

const wholeNumber = (value: unknown, key: string, fallback: number): number =>
  value === undefined ? fallback : wholeNumberParam(value, `pagination[${key}]`, 1);

/** Validates GET /api/search's query; anything wrong is a 400 that says what. */
export const parseSearchQuery = async (strapi: Core.Strapi, query: Record<string, unknown>): Promise<SearchParams> => {
  const unknown = Object.keys(query).filter((key) => !ALLOWED.has(key));
  if (unknown.length > 0) fail(`Unknown query parameter "${unknown[0]}". Allowed: ${[...ALLOWED].join(', ')}.`, unknown[0]);

  if (typeof query.q !== 'string' || query.q.trim() === '') fail('q is required: the text to search for, e.g. ?q=housing', 'q');
  const q = (query.q as string).trim();
  if ([...q].length > MAX_QUERY_LENGTH) fail(`q is too long: at most ${MAX_QUERY_LENGTH} characters`, 'q');

  const locale = query.locale === undefined ? await strapi.plugin('i18n').service('locales').getDefaultLocale() : query.locale;
  if (typeof locale !== 'string') fail('locale must be one locale code, e.g. locale=km', 'locale');
  await assertKnownLocales(strapi, 'locale', [locale as string]);

  let fallbacks: string[];
  if (query.fallbackLocale !== undefined) {
    fallbacks = parseLocaleList(query.fallbackLocale);
    if (fallbacks.length === 0) fail('fallbackLocale must name at least one locale', 'fallbackLocale');
    await assertKnownLocales(strapi, 'fallbackLocale', fallbacks);
  } else {
    fallbacks = defaultFallbacks(strapi, locale as string);
  }

  let types = SEARCH_TYPES;
  if (query.types !== undefined) {
    const items = Array.isArray(query.types) ? query.types : [query.types];
    if (!items.every((item) => typeof item === 'string')) fail('types must be a comma-separated list, e.g. types=projects,publications', 'types');
    types = (items as string[]).flatMap((item) => item.split(',')).map((type) => type.trim()).filter(Boolean);
    const wrong = types.filter((type) => !SEARCH_TYPES.includes(type));
    if (types.length === 0 || wrong.length > 0) fail(`Unknown type "${wrong.join(', ')}" in types. Searchable types: ${SEARCH_TYPES.join(', ')}.`, 'types');
  }

  const pagination = query.pagination ?? {};
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) fail('pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=10', 'pagination');
  const extra = Object.keys(pagination as object).filter((key) => key !== 'page' && key !== 'pageSize');
  if (extra.length > 0) fail(`Unknown pagination parameter "${extra[0]}": use pagination[page] and pagination[pageSize]`, `pagination.${extra[0]}`);
  const { page, pageSize } = pagination as Record<string, unknown>;

  return {
    q,
    chain: [...new Set([locale as string, ...fallbacks])],
    types: [...new Set(types)],
    page: wholeNumber(page, 'page', 1),
    pageSize: Math.min(wholeNumber(pageSize, 'pageSize', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
  };
};
