import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { rebuildIndex } from '../../src/search/indexer';

type Hit = { documentId: string; score: number };
const PROJECT = 'api::project.project';
const WORD = 'zanzibarquokka';
// More matches than SQLite ranks from their text (500): ranked from the index instead.
const IN_TITLE = 20;
const IN_SUMMARY = 200;
const IN_BODY = 300;

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
  const now = Date.now();
  const rows = Array.from({ length: IN_TITLE + IN_SUMMARY + IN_BODY }, (_, n) => {
    const where = n < IN_TITLE ? 'title' : n < IN_TITLE + IN_SUMMARY ? 'summary' : 'body';
    const date = new Date(now - n * 60000);
    return {
      documentId: `manymatches${String(n).padStart(12, '0')}`,
      locale: 'en',
      slug: `many-matches-${n}`,
      projectStatus: 'ongoing',
      title: where === 'title' ? `The ${WORD} project ${n}` : `Project ${n}`,
      summary: where === 'summary' ? `About ${WORD} housing` : 'About housing',
      background: [{ type: 'paragraph', children: [{ type: 'text', text: where === 'body' ? `Work with ${WORD} groups` : 'Work with groups' }] }],
      publishedAt: date,
      createdAt: date,
      updatedAt: date,
    };
  });
  // Written below the Document Service, as a restored database would be, then indexed in one go.
  await app.db.query(PROJECT).createMany({ data: rows });
  await rebuildIndex(app);
});
afterAll(async () => {
  await app.db.query(PROJECT).deleteMany({ where: { slug: { $startsWith: 'many-matches-' } } });
  await rebuildIndex(app);
  await stopStrapi(app);
});

const search = async (page: number, pageSize: number) => {
  const res = await http(app).get('/api/search').query({ q: WORD, locale: 'en', 'pagination[page]': page, 'pagination[pageSize]': pageSize });
  expect(res.status).toBe(200);
  return res.body as { data: Hit[]; meta: { pagination: { total: number } } };
};

describe('GET /api/search with hundreds of matches', () => {
  it('ranks title, then summary, then body matches, most recent first, the same on every page size', async () => {
    const byHundreds: Hit[] = [];
    for (let page = 1; page <= 6; page++) byHundreds.push(...(await search(page, 100)).data);
    expect(byHundreds).toHaveLength(IN_TITLE + IN_SUMMARY + IN_BODY);
    expect(byHundreds.map((hit) => hit.score)).toEqual([...Array(IN_TITLE).fill(100), ...Array(IN_SUMMARY).fill(10), ...Array(IN_BODY).fill(1)]);
    // Within a score, the most recently published first: the order they were made in.
    expect(byHundreds.map((hit) => hit.documentId)).toEqual(byHundreds.map((hit) => hit.documentId).sort());

    const byTens: Hit[] = [];
    for (let page = 1; page <= 52; page++) {
      const { data, meta } = await search(page, 10);
      expect(meta.pagination.total).toBe(IN_TITLE + IN_SUMMARY + IN_BODY);
      byTens.push(...data);
    }
    expect(byTens).toEqual(byHundreds);
  });
});
