/**
 * What a frontend and a translation tool do with the client: search the site, list the
 * translations to do, confirm one, read projects with a fallback locale. Every parameter and every
 * field read is checked against the generated types, without a cast.
 */
import { createClient } from './client';

type Client = ReturnType<typeof createClient>;

export const searchSite = async (client: Client, q: string, locale: string) => {
  const result = await client.get('/search', {
    q,
    locale,
    fallbackLocale: 'en',
    types: ['projects', 'publications'],
    'pagination[page]': 1,
    'pagination[pageSize]': 5,
  });
  if (!result.ok) return { error: `${result.status} ${result.error.name}: ${result.error.message}` };
  const { data, meta } = result.data;
  return {
    total: meta.pagination.total,
    pageCount: meta.pagination.pageCount,
    hits: data.map((hit) => ({ path: `/${hit.type}/${hit.slug ?? hit.documentId}`, title: hit.title, locale: hit.locale, marked: hit.snippet.includes('<mark>') })),
  };
};

export const translationsToDo = async (client: Client, locale: string) => {
  const result = await client.get('/translation-status', { locale, type: 'project', status: ['missing', 'outdated'], 'pagination[pageSize]': 100 });
  if (!result.ok) return { error: `${result.status} ${result.error.name}: ${result.error.message}` };
  const counts = result.data.meta.summary['api::project.project'];
  return {
    total: result.data.meta.pagination.total,
    upToDate: counts?.['up-to-date'] ?? 0,
    rows: result.data.data.map((row) => ({ documentId: row.documentId, title: row.title ?? '', status: row.status, fields: row.outdatedFields.join(', '), at: row.translatedAt })),
  };
};

export const confirmStillCorrect = async (client: Client, documentId: string, locale: string) => {
  const result = await client.post('/translation-status/still-correct', { data: { contentType: 'project', documentId, locale } });
  return result.ok ? { status: result.data.data.status, outdatedFields: result.data.data.outdatedFields } : { error: result.error.message, httpStatus: result.status };
};

export const projectTitles = async (client: Client, locale: string) => {
  const result = await client.get('/projects', { locale, fallbackLocale: 'en', sort: 'title', 'pagination[pageSize]': 100 });
  return result.ok ? result.data.data.map((project) => project.title) : [];
};

/** The generated types are strict: each line is a type error, and `@ts-expect-error` fails the check if it is not. */
export const mistakes = (client: Client) => [
  // @ts-expect-error q is required
  client.get('/search', { locale: 'km' }),
  // @ts-expect-error not a searchable type
  client.get('/search', { q: 'housing', types: ['users'] }),
  // @ts-expect-error a page size is a number
  client.get('/search', { q: 'housing', 'pagination[pageSize]': '10' }),
  // @ts-expect-error not a translation state
  client.get('/translation-status', { status: 'done' }),
  // @ts-expect-error the body is { data: { contentType, documentId, locale } }
  client.post('/translation-status/still-correct', { documentId: 'x', locale: 'km' }),
  client.get('/search', { q: 'housing' }).then((result) =>
    // @ts-expect-error a search hit has no `summary`
    result.ok ? result.data.data.map((hit) => hit.summary) : []
  ),
];
