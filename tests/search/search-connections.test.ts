import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startSecondInstance } from '../helpers/second-instance';
import { startStrapi, stopStrapi } from '../helpers/strapi';

// Searches run on connections of their own (src/search/readers.ts); without them, on Strapi's
// connection, the answers must be the same. (A PostgreSQL search connection that dies:
// tests/postgres/search-connections.test.ts.)
const QUERIES: Array<Record<string, string>> = [
  { q: 'ក្រីក្រ', locale: 'km' }, // a long Khmer word: checked in the Khmer words of each candidate
  { q: 'គ្រ', locale: 'km' }, // a trigram
  { q: 'ខេ', locale: 'km', fallbackLocale: 'en' }, // a two-letter prefix, with fallback
  { q: 'hous upgrad', locale: 'en', 'pagination[pageSize]': '2', 'pagination[page]': '2' },
  { q: 'ភាពជា\u200bដៃគូ', locale: 'km', types: 'projects' },
];

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const answers = async (search: (query: Record<string, string>) => Promise<{ status: number; body: unknown }>) => {
  const results = [];
  for (const query of QUERIES) {
    const { status, body } = await search(query);
    expect(status).toBe(200);
    results.push(body);
  }
  return results;
};
const onThisApp = (query: Record<string, string>) => http(app).get('/api/search').query(query);

describe('search connections', () => {
  it('answer as Strapi’s own connection does (SEARCH_READERS=0)', async () => {
    const expected = await answers(onThisApp);
    expect((expected as Array<{ data: unknown[] }>).every((answer) => answer.data.length > 0)).toBe(true);
    const plain = await startSecondInstance({ SEARCH_READERS: '0' });
    try {
      const viaMainConnection = await answers(async (query) => {
        const res = await fetch(`${plain.url}/api/search?${new URLSearchParams(query)}`);
        return { status: res.status, body: await res.json() };
      });
      expect(viaMainConnection).toEqual(expected);
    } finally {
      await plain.stop();
    }
  });

});
