import request from 'supertest';
import type { Core, UID } from '@strapi/strapi';
import { http } from './http';
import { startSecondInstance, type Instance } from './second-instance';
import { startStrapi, stopStrapi } from './strapi';

/**
 * What the response cache drops after a write, and what it keeps (issue 14). The app under test
 * serves from its cache; `fresh` is a second server process on the same database with the cache
 * off, whose answers are the truth every cached answer is compared with. With Redis, `other` is
 * a third process sharing the Redis cache: what one instance drops, the other must not serve.
 */
export const describeCacheInvalidation = ({ redis }: { redis: boolean }): void => {
  let app: Core.Strapi;
  let fresh: Instance;
  let other: Instance | undefined;

  beforeAll(async () => {
    app = await startStrapi();
    fresh = await startSecondInstance({ CACHE_ENABLED: 'false' });
    if (redis) other = await startSecondInstance();
  });
  afterAll(async () => {
    await other?.stop();
    await fresh?.stop();
    await stopStrapi(app);
  });

  type Doc = { documentId: string; [key: string]: any };
  const projects = () => app.documents('api::project.project');
  const countries = () => app.documents('api::country.country');
  const get = (url: string) => http(app).get(url);

  /** Reads every URL from the cached app (and the other instance), then checks each against a fresh answer. */
  const readAll = async (urls: string[]) => {
    const cache: Record<string, string> = {};
    for (const url of urls) {
      const cached = await get(url);
      const truth = await request(fresh.url).get(url);
      expect([url, cached.status, cached.text]).toEqual([url, truth.status, truth.text]);
      cache[url] = cached.headers['x-cache'];
      if (other) {
        const shared = await request(other.url).get(url);
        expect([url, 'other instance', shared.text]).toEqual([url, 'other instance', truth.text]);
      }
    }
    return cache;
  };
  /** Reads until every URL is a hit on the app, so that what follows starts from a warm cache. */
  const warm = async (urls: string[]) => {
    await readAll(urls);
    const states = await readAll(urls);
    expect(Object.values(states).every((state) => state === 'HIT')).toBe(true);
  };

  const KEPT = 'HIT';
  const slugPage = (slug: string) => `/api/projects?locale=en&filters[slug][$eq]=${slug}`;
  const PAGE_A = slugPage('phnom-penh-pupr-phase-2-slum-upgrading');
  const PAGE_B = slugPage('phnom-penh-urban-poverty-reduction-project');
  const PROJECT_LIST = '/api/projects?locale=en&sort=title:asc&pagination[pageSize]=50';
  const KHMER_LIST = '/api/projects?locale=km&fallbackLocale=en&pagination[pageSize]=50';
  const COUNTRIES = '/api/countries?locale=en&sort=menuOrder:asc&pagination[pageSize]=100';
  const THEMES = '/api/themes?locale=km&pagination[pageSize]=100';

  const projectBySlug = async (slug: string) =>
    (await projects().findFirst({ locale: 'en', status: 'published', filters: { slug } } as never)) as unknown as Doc;

  describe('a write no anonymous reader can see keeps every cached answer', () => {
    it('a draft save, in English and in Khmer, also of a shared (non-localized) field', async () => {
      const project = await projectBySlug('phnom-penh-pupr-phase-2-slum-upgrading');
      const byId = `/api/projects/${project.documentId}?locale=km&fallbackLocale=en`;
      const urls = [PAGE_A, PAGE_B, byId, PROJECT_LIST, KHMER_LIST, COUNTRIES];
      await warm(urls);

      // Strapi syncs a changed non-localized field (startYear) into the other locales' drafts only.
      await projects().update({ documentId: project.documentId, locale: 'en', data: { title: `${project.title} (draft)`, startYear: 1999 } } as never);
      await projects().update({ documentId: project.documentId, locale: 'km', data: { summary: 'សេចក្តីព្រាង' } } as never);
      const draftKm = (await projects().findOne({ documentId: project.documentId, locale: 'km', status: 'draft' })) as unknown as Doc;
      expect(draftKm.startYear).toBe(1999);

      const states = await readAll(urls);
      expect(states).toEqual(Object.fromEntries(urls.map((url) => [url, KEPT])));
      // The drafts are there for whoever publishes them; restore them as they were.
      await projects().discardDraft({ documentId: project.documentId, locale: '*' } as never);
    });

    it('admin users and roles, API tokens, translation status rows', async () => {
      const urls = [PAGE_A, PROJECT_LIST, COUNTRIES];
      await warm(urls);
      const role = await app.service('admin::role').create({ name: `Cache test ${Date.now()}`, description: '' });
      const user = await app.service('admin::user').create({ email: `cache-${Date.now()}@example.org`, firstname: 'Cache', lastname: 'Test', roles: [role.id] });
      const token = await app.service('admin::api-token').create({ name: `cache-${Date.now()}`, type: 'read-only', lifespan: null, description: '' });
      const statusUid = Object.keys(app.contentTypes).find((uid) => uid.startsWith('plugin::translations.')) as UID.ContentType;
      const statusRows = await app.db.query(statusUid).findMany({ limit: 1 });
      expect(statusRows.length).toBe(1);
      await app.db.query(statusUid).update({ where: { id: statusRows[0].id }, data: { title: statusRows[0].title } });
      try {
        expect(await readAll(urls)).toEqual(Object.fromEntries(urls.map((url) => [url, KEPT])));
      } finally {
        await app.service('admin::api-token').revoke(token.id);
        await app.service('admin::user').deleteById(user.id);
        await app.service('admin::role').deleteByIds([role.id]);
      }
    });
  });

  describe('a publish, unpublish or delete drops only what it can change', () => {
    it("drops the document's pages and its type's lists, keeps another document's page and other types", async () => {
      const created = (await projects().create({
        locale: 'en',
        data: { title: 'Cache test project', slug: 'cache-test-project', projectStatus: 'planned' },
        status: 'published',
      } as never)) as unknown as Doc;
      const own = [slugPage('cache-test-project'), `/api/projects/${created.documentId}?locale=km&fallbackLocale=en`];
      const lists = [PROJECT_LIST, KHMER_LIST];
      const unrelated = [PAGE_B, COUNTRIES, THEMES];
      const expectDropped = async () => {
        const states = await readAll([...own, ...lists, ...unrelated]);
        // An unpublished or deleted document's own page is a 404, never cached: anything but a hit.
        for (const url of own) expect([url, states[url]]).not.toEqual([url, KEPT]);
        for (const url of lists) expect([url, states[url]]).toEqual([url, 'MISS']);
        for (const url of unrelated) expect([url, states[url]]).toEqual([url, KEPT]);
      };
      try {
        await warm([...own, ...lists, ...unrelated]);
        await projects().update({ documentId: created.documentId, locale: 'en', data: { title: 'Cache test project, renamed' }, status: 'published' } as never);
        await expectDropped();
        expect((await get(own[0])).body.data[0].title).toBe('Cache test project, renamed');

        await warm([...lists, ...unrelated]);
        await projects().unpublish({ documentId: created.documentId, locale: 'en' });
        await expectDropped();
        expect((await get(own[0])).body.data).toEqual([]);

        await projects().publish({ documentId: created.documentId, locale: 'en' });
        await warm([...own, ...lists, ...unrelated]);
        await projects().delete({ documentId: created.documentId, locale: '*' });
        await expectDropped();
        expect((await get(own[0])).body.data).toEqual([]);
      } finally {
        await projects().delete({ documentId: created.documentId, locale: '*' });
      }
    });

    it('a country renamed and published drops the project answers that populate countries, not the others', async () => {
      const populating = [PAGE_A, `/api/projects?locale=km&fallbackLocale=en&populate[countries][fields][0]=name&pagination[pageSize]=50`];
      const notPopulating = [`${PAGE_B}&populate[themes][fields][0]=name`, THEMES];
      await warm([...populating, ...notPopulating]);
      const cambodia = (await countries().findFirst({ locale: 'en', filters: { isoCode: 'KH' }, status: 'published' } as never)) as unknown as Doc;
      await countries().update({ documentId: cambodia.documentId, locale: 'en', data: { name: 'Kingdom of Cambodia' }, status: 'published' } as never);
      try {
        const states = await readAll([...populating, ...notPopulating]);
        for (const url of populating) expect([url, states[url]]).toEqual([url, 'MISS']);
        for (const url of notPopulating) expect([url, states[url]]).toEqual([url, KEPT]);
        expect((await get(PAGE_A)).body.data[0].countries.map((c: Doc) => c.name)).toContain('Kingdom of Cambodia');
      } finally {
        await countries().update({ documentId: cambodia.documentId, locale: 'en', data: { name: 'Cambodia' }, status: 'published' } as never);
      }
    });

    it("a file's alternative text changed drops the answers showing that file, not the others", async () => {
      const withCover = `${PAGE_A}&populate[cover][fields][0]=alternativeText`;
      const without = [`${PAGE_A}&populate[themes][fields][0]=name`, COUNTRIES];
      await warm([withCover, ...without]);
      const cover = (await get(withCover)).body.data[0].cover;
      const upload = app.plugin('upload').service('upload');
      const file = await app.db.query('plugin::upload.file').findOne({ where: { documentId: cover.documentId } });
      await upload.updateFileInfo(file.id, { alternativeText: 'Families along the railway, Phnom Penh' });
      try {
        const states = await readAll([withCover, ...without]);
        expect(states[withCover]).toBe('MISS');
        for (const url of without) expect([url, states[url]]).toEqual([url, KEPT]);
        expect((await get(withCover)).body.data[0].cover.alternativeText).toBe('Families along the railway, Phnom Penh');
      } finally {
        await upload.updateFileInfo(file.id, { alternativeText: file.alternativeText });
      }
    });
  });

  describe('a miss is computed once per process', () => {
    /** Counts the list computations of projects (one Document Service findMany each). */
    const countComputations = async (run: () => Promise<unknown>) => {
      let computations = 0;
      const stop = app.documents.use(async (context, next) => {
        if (context.uid === 'api::project.project' && context.action === 'findMany') computations += 1;
        return next();
      });
      try {
        await run();
      } finally {
        (stop as unknown as () => void)();
      }
      return computations;
    };

    it('N concurrent misses of one answer: one computation, the same answer for all', async () => {
      const url = `/api/projects?locale=km&fallbackLocale=en&pagination[pageSize]=7&sort=startYear:desc`;
      // The previous test's clean-up drops answers after its commit; let that land first, or
      // requests on either side of it rightly refuse to share one computation.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const answers: request.Response[] = [];
      const computations = await countComputations(async () => {
        answers.push(...(await Promise.all(Array.from({ length: 12 }, () => get(url)))));
      });
      expect(computations).toBe(1);
      expect(answers.map((res) => res.status)).toEqual(answers.map(() => 200));
      expect(new Set(answers.map((res) => res.text)).size).toBe(1);
      expect(answers.filter((res) => res.headers['x-cache'] === 'MISS')).toHaveLength(1);
      expect((await request(fresh.url).get(url)).text).toBe(answers[0].text);
    });

    it('an error is not shared: each request gets its own answer', async () => {
      const url = '/api/projects?locale=km&fallbackLocale=zz&pagination[pageSize]=3';
      const answers = await Promise.all(Array.from({ length: 5 }, () => get(url)));
      for (const res of answers) {
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/fallbackLocale "zz"/);
      }
    });

    it('a waiter that waits longer than the timeout computes on its own', async () => {
      const url = `/api/projects?locale=en&pagination[pageSize]=9&sort=startYear:asc`;
      const slow = app.documents.use(async (context, next) => {
        if (context.uid === 'api::project.project' && context.action === 'findMany') await new Promise((resolve) => setTimeout(resolve, 3500));
        return next();
      });
      try {
        const computations = await countComputations(async () => {
          const answers = await Promise.all(Array.from({ length: 3 }, () => get(url)));
          expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
        });
        // The configured timeout is 3 s (CACHE_SINGLE_FLIGHT_TIMEOUT_MS): the two waiters gave up.
        expect(computations).toBe(3);
      } finally {
        (slow as unknown as () => void)();
      }
    });
  });

  describe('randomized: after every write, every cached answer equals a freshly computed one', () => {
    it('interleaves drafts, publishes, unpublishes, deletes, relation and media changes and a new locale with reads', async () => {
      // A small deterministic generator: the same sequence on every run, printed on failure.
      let seed = 20261127;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

      // Its own projects (some translated, with countries and a cover), so that the demo content
      // other test files rely on is left alone; the lists below hold them next to the demo ones.
      const allCountries = (await countries().findMany({ locale: 'en', status: 'published', fields: ['name'], limit: 100 } as never)) as unknown as Doc[];
      const files = await app.db.query('plugin::upload.file').findMany({ where: { mime: { $startsWith: 'image/' } }, select: ['id', 'alternativeText'], limit: 4 });
      const run = Date.now();
      const own: Doc[] = [];
      for (let i = 0; i < 5; i++) {
        const slug = `random-${run}-${i}`;
        const doc = (await projects().create({
          locale: 'en',
          data: { title: `Random project ${i}`, slug, projectStatus: 'ongoing', startYear: 2000 + i, cover: files[i % files.length].id, countries: { connect: [{ documentId: allCountries[i].documentId, locale: 'en' }] } },
          status: 'published',
        } as never)) as unknown as Doc;
        if (i % 2 === 0) {
          await projects().update({ documentId: doc.documentId, locale: 'km', data: { title: `គម្រោង ${i}` }, status: 'published' } as never);
        }
        own.push(doc);
      }
      const renamed = new Set<Doc>();
      const urls = [
        ...own.slice(0, 3).map((p) => slugPage(p.slug)),
        slugPage('phnom-penh-pupr-phase-2-slum-upgrading'),
        ...own.slice(0, 2).map((p) => `/api/projects/${p.documentId}?locale=km&fallbackLocale=en`),
        PROJECT_LIST,
        KHMER_LIST,
        '/api/projects?locale=km&pagination[pageSize]=50',
        COUNTRIES,
        '/api/countries?locale=km&fallbackLocale=en&populate[projects][fields][0]=title&pagination[pageSize]=100',
        `/api/projects?locale=en&filters[countries][name][$eq]=${encodeURIComponent(allCountries[0].name)}&pagination[pageSize]=50`,
        `/api/projects?locale=en&sort=startYear:desc&pagination[pageSize]=50&populate[cover][fields][0]=alternativeText`,
        '/api/global?locale=en',
        THEMES,
      ];
      const created: Doc[] = [];
      const log: string[] = [];
      let kept = 0;
      let dropped = 0;
      let frenchId: number | undefined;

      const writes: Record<string, () => Promise<void>> = {
        async draft() {
          const project = pick(own);
          await projects().update({ documentId: project.documentId, locale: pick(['en', 'km']), data: { summary: `Draft ${random()}`, startYear: 1990 + Math.floor(random() * 30) } } as never);
        },
        async publish() {
          const project = pick([...own, ...created]);
          await projects().update({ documentId: project.documentId, locale: 'en', data: { location: `Published ${Math.floor(random() * 1000)}` }, status: 'published' } as never);
        },
        async create() {
          const n = created.length + 1;
          created.push((await projects().create({ locale: 'en', data: { title: `Random project ${run} new ${n}`, slug: `random-${run}-new-${n}`, projectStatus: 'planned' }, status: 'published' } as never)) as unknown as Doc);
        },
        async unpublish() {
          const project = pick(own);
          const locale = pick(['en', 'km', '*']);
          await projects().unpublish({ documentId: project.documentId, locale });
          log.push(`  unpublished ${project.slug} in ${locale}`);
          await readAllAndCount();
          await projects().publish({ documentId: project.documentId, locale: locale === 'km' ? 'km' : 'en' });
          log.push(`  published again`);
        },
        async delete() {
          const project = created.pop();
          if (project) await projects().delete({ documentId: project.documentId, locale: '*' });
        },
        async relation() {
          const project = pick(own);
          const country = pick(allCountries.slice(0, 6));
          const connect = random() < 0.5;
          log.push(`  ${connect ? 'connect' : 'disconnect'} ${country.name} on ${project.slug}`);
          await projects().update({
            documentId: project.documentId,
            locale: 'en',
            data: { countries: connect ? { connect: [{ documentId: country.documentId, locale: 'en' }] } : { disconnect: [{ documentId: country.documentId, locale: 'en' }] } },
            status: 'published',
          } as never);
        },
        async country() {
          const country = pick(allCountries.slice(1, 6));
          const name = renamed.has(country) ? country.name : `${country.name} (renamed)`;
          renamed.add(country);
          await countries().update({ documentId: country.documentId, locale: 'en', data: { name }, status: 'published' } as never);
        },
        async media() {
          const file = pick(files);
          await app.plugin('upload').service('upload').updateFileInfo(file.id, { alternativeText: `Photo ${Math.floor(random() * 1000)}` });
        },
        async locale() {
          if (frenchId) return;
          frenchId = (await app.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' })).id;
        },
      };
      const readAllAndCount = async () => {
        const states = await readAll(urls); // throws on the first cached answer that differs from a fresh one
        kept += Object.values(states).filter((state) => state === 'HIT').length;
        dropped += Object.values(states).filter((state) => state === 'MISS').length;
      };

      try {
        await readAll(urls);
        for (let step = 0; step < 30; step++) {
          const name = step === 20 ? 'locale' : pick(Object.keys(writes).filter((w) => w !== 'locale'));
          log.push(`step ${step}: ${name}`);
          await writes[name]();
          // Also leaves every URL cached (a hit, or a miss that was stored) for the next write.
          await readAllAndCount();
        }
      } catch (error) {
        throw new Error(`${String(error)}\nWrites so far:\n${log.join('\n')}`);
      } finally {
        for (const project of [...created, ...own]) await projects().delete({ documentId: project.documentId, locale: '*' });
        for (const country of renamed) await countries().update({ documentId: country.documentId, locale: 'en', data: { name: country.name }, status: 'published' } as never);
        if (frenchId) {
          await app.plugin('i18n').service('locales').delete({ id: frenchId });
          // Its translation status rows outlive the locale; other test files compare whole snapshots.
          await app.db.query('plugin::translations.status').deleteMany({ where: { targetLocale: 'fr' } });
        }
        for (const file of files) await app.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { alternativeText: file.alternativeText } });
      }
      // Both happened: the cache kept answers across writes (it is not simply emptied), and dropped some.
      expect(kept).toBeGreaterThan(0);
      expect(dropped).toBeGreaterThan(0);
    }, 600_000);
  });
};
