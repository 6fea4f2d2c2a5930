import type { Core } from '@strapi/strapi';
import { startSecondInstance } from '../helpers/second-instance';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

const total = async (base: string, q: string, locale: string): Promise<number> => {
  const res = await fetch(`${base}/api/search?${new URLSearchParams({ q, locale })}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
};

describe('the search index on start', () => {
  it('is rebuilt by a start on a database whose index is empty (e.g. restored from before search)', async () => {
    const first = await startSecondInstance();
    let before: { en: number; km: number };
    try {
      before = { en: await total(first.url, 'housing', 'en'), km: await total(first.url, 'លំនៅឋាន', 'km') };
    } finally {
      await first.stop();
    }
    expect(before.en).toBeGreaterThan(0);
    expect(before.km).toBeGreaterThan(0);

    for (const table of ['search_entries', 'search_texts']) await app.db.connection(table).delete();
    if (app.db.dialect.client !== 'postgres') await app.db.connection('search_terms').delete();

    const second = await startSecondInstance();
    try {
      expect({ en: await total(second.url, 'housing', 'en'), km: await total(second.url, 'លំនៅឋាន', 'km') }).toEqual(before);
    } finally {
      await second.stop();
    }
  });
});
