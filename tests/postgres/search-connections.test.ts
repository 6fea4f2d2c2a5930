import type { Core } from '@strapi/strapi';
import { http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';

// Searches run on a pool of their own (src/search/postgres-readers.ts), named in pg_stat_activity.
const SEARCH_BACKENDS = `SELECT pid FROM pg_stat_activity WHERE application_name = 'habitat-search' AND datname = current_database()`;
const QUERIES = [
  { q: 'ក្រីក្រ', locale: 'km' },
  { q: 'housing', locale: 'en' },
];

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const answers = async () => {
  const results = [];
  for (const query of QUERIES) {
    const res = await http(app).get('/api/search').query(query);
    expect(res.status).toBe(200);
    results.push(res.body);
  }
  return results;
};
const searchBackends = async (): Promise<number[]> =>
  ((await app.db.connection.raw(SEARCH_BACKENDS)) as { rows: Array<{ pid: number }> }).rows.map((row) => row.pid);

describe('search connections on PostgreSQL', () => {
  it('a search connection the database closed (a restart, an idle timeout) costs no answer, and is replaced', async () => {
    const expected = await answers();
    expect((expected as Array<{ data: unknown[] }>).every((answer) => answer.data.length > 0)).toBe(true);
    const before = await searchBackends();
    expect(before.length).toBeGreaterThan(0);

    await app.db.connection.raw(`SELECT pg_terminate_backend(pid) FROM (${SEARCH_BACKENDS}) s`);

    expect(await answers()).toEqual(expected);
    expect(await answers()).toEqual(expected);
    const after = await searchBackends();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
  });
});
