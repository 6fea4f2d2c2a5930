// @ts-check
// `npm run bench:workspace`: the translator's side panel and the translation memory.
//  1. Side panel data (GET /translations/workspace/source) for a project whose every localized field
//     is outdated (title, location, summary, 3 rich-text fields of 8/5/5 paragraphs, 12 key-figure
//     labels, SEO title and description: 30 texts, each with its word diff). Target: p95 < 50 ms.
//  2. Translation memory lookups for a 40-sentence document (20 sentences translated elsewhere,
//     10 near ones, 10 new) with N translated documents in the memory (default 5,000, each of 40
//     sentences in 8 paragraphs). Target: p95 < 100 ms. Both as the service call and over HTTP
//     (GET /translations/workspace/memory, which also looks up the 8 paragraphs, title and summary).
// Baseline in the same run: GET /admin/users/me (the cheapest signed-in admin route). The data set is
// built on .tmp/bench-workspace.db (SQLite, kept between runs): documents written with the Query
// Engine, then the translation status and memory built for them by the plugin's own write path
// (backfillStatus → refreshStatus → updateMemory), which is timed too.
// Options: --documents N (5000) --runs N (200) --quick (500 documents, 50 runs)
//          --prepare (build the data set and stop: it can be built at low priority, then measured alone)
'use strict';

const http = require('http');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const quick = process.argv.includes('--quick');
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DOCUMENTS = Number(option('documents', quick ? '500' : '5000'));
const RUNS = Number(option('runs', quick ? '50' : '200'));
const PROJECT = 'api::project.project';
const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

// Deterministic text: a pool of sentence pairs (English, Khmer); each document takes 40 of them.
// Words follow a skewed (Zipf-like) frequency over a vocabulary of a few thousand, as real text does:
// a few very common words, many rare ones.
const COMMON = `the of and in to a for with by on community housing upgrading water sanitation drainage road school market
 families settlement city province district ward village land savings group women youth council`.split(/\s+/).filter(Boolean);
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
/** @param {string[]} syllables @param {number} size */
const vocabulary = (syllables, size) =>
  Array.from({ length: size }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
const EN = [...COMMON, ...vocabulary('ka lo mi ran tes vor pel dun sa ri to ven gal mor bi nek stra pon ule ada'.split(' '), 5000)];
const KM = vocabulary(
  'ក ខ គ ង ច ជ ញ ដ ត ថ ទ ន ប ព ម យ រ ល វ ស ហ អ'.split(' ').flatMap((c) => ['ា', 'ិ', 'ី', 'ុ', 'ូ', 'េ', 'ែ', 'ោ', 'ំ'].map((v) => c + v)),
  5000
);
/** @param {string[]} words */
const word = (words) => words[Math.floor(words.length * random() ** 3)];
const POOL = Math.max(2000, DOCUMENTS * 4);
/** @type {Array<[string, string]>} */
const pool = Array.from({ length: POOL }, (_, i) => {
  const length = 8 + Math.floor(random() * 8);
  const en = Array.from({ length }, () => word(EN));
  const km = Array.from({ length }, () => word(KM));
  en[0] = en[0][0].toUpperCase() + en[0].slice(1);
  return [`${en.join(' ')} ${i}.`, `${km.join(' ')} ${i}។`];
});
/** The k-th sentence (0–39) of document d. @param {number} d @param {number} k */
const sentenceOf = (d, k) => (d * 37 + k * 101) % POOL;
/** @param {string} text */
const paragraph = (text) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
/** Eight paragraphs of five sentences from the pool, in English or Khmer. @param {number} doc @param {0 | 1} lang */
const body = (doc, lang) =>
  Array.from({ length: 8 }, (_, p) => paragraph(Array.from({ length: 5 }, (_, s) => pool[sentenceOf(doc, p * 5 + s)][lang]).join(' ')));

/** @param {number[]} times @param {number} p */
const percentile = (times, p) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
/** @param {() => Promise<unknown>} fn */
const time = async (fn, runs = RUNS) => {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
};

const main = async () => {
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = '.tmp/bench-workspace.db';
  process.env.SEED_DEMO = 'false';
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  app.server.mount();
  const server = app.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('net').AddressInfo} */ (server.address()).port;
  try {
    // --- the data set
    const query = app.db.query(PROJECT);
    const existing = await query.count({ where: { slug: { $startsWith: 'bench-ws-' }, locale: 'en', publishedAt: { $notNull: true } } });
    if (existing < DOCUMENTS) {
      log(`Writing ${DOCUMENTS - existing} translated projects (en and km, draft and published)…`);
      const now = new Date();
      for (let start = existing; start < DOCUMENTS; start += 250) {
        const rows = [];
        for (let i = start; i < Math.min(DOCUMENTS, start + 250); i++) {
          const documentId = `benchws${String(i).padStart(17, '0')}`;
          for (const [locale, lang] of /** @type {Array<[string, 0 | 1]>} */ ([['en', 0], ['km', 1]])) {
            for (const publishedAt of [null, now]) {
              rows.push({ documentId, locale, publishedAt, slug: `bench-ws-${i}`, title: pool[i % POOL][lang].slice(0, 200), background: body(i, lang), createdAt: now, updatedAt: now });
            }
          }
        }
        await query.createMany({ data: rows });
      }
    }
    const plugin = app.plugin('translations');
    const { backfillStatus } = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'status'));
    let started = Date.now();
    const added = await backfillStatus(app);
    if (added > 0) log(`Translation status and memory of ${added} documents, through the write path: ${((Date.now() - started) / 1000).toFixed(1)} s (${(added / ((Date.now() - started) / 1000)).toFixed(0)} documents/s)`);
    const entries = await app.db.query('plugin::translations.memory-entry').count();
    log(`Memory: ${entries} entries from ${DOCUMENTS} translated documents`);
    if (process.argv.includes('--prepare')) return;

    // --- an administrator, signed in over HTTP
    const email = 'bench-workspace@example.org';
    const password = 'Bench-Workspace-1234';
    if (!(await app.db.query('admin::user').findOne({ where: { email } }))) {
      await app.service('admin::role').createRolesIfNoneExist();
      const superAdmin = await app.service('admin::role').getSuperAdmin();
      await app.service('admin::user').create({ email, password, firstname: 'Bench', lastname: 'Workspace', isActive: true, registrationToken: null, roles: [superAdmin.id] });
    }
    /** @param {string} method @param {string} url @param {string} [token] @param {unknown} [body] @returns {Promise<{ status: number, body: any }>} */
    const request = (method, url, token, body) =>
      new Promise((resolve, reject) => {
        const data = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
          // agent: false, a connection per request: a kept-alive socket the server closed while the
          // memory index loaded would answer ECONNRESET.
          { host: '127.0.0.1', port, method, path: url, agent: false, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
          }
        );
        req.on('error', reject);
        req.end(data);
      });
    const login = await request('POST', '/admin/login', undefined, { email, password });
    const token = login.body.data.token;

    // --- 1. the side panel of a project with every localized field outdated
    const documents = app.documents(PROJECT);
    const texts = (/** @type {number} */ n, /** @type {number} */ from) => Array.from({ length: n }, (_, i) => paragraph(`${pool[from + i][0]} ${pool[from + i + 50][0]}`));
    const english = (/** @type {string} */ mark) => ({
      title: `Panel benchmark ${mark}`,
      location: `Phnom Penh ${mark}`,
      summary: `${pool[1][0]} ${mark}`,
      background: texts(8, 10),
      objectives: texts(5, 20).map((block) => ({ ...block, children: [{ type: 'text', text: `${block.children[0].text} ${mark}` }] })),
      results: texts(5, 30),
      keyFigures: Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${pool[40 + i][0].slice(0, 60)} ${mark}`, qualifier: 'exact' })),
      seo: { metaTitle: `Panel benchmark ${mark}`, metaDescription: `${pool[2][0].slice(0, 150)} ${mark}` },
    });
    let panelDoc = await query.findOne({ where: { slug: 'bench-ws-panel', locale: 'en' } });
    if (!panelDoc) {
      panelDoc = await documents.create({ locale: 'en', data: /** @type {any} */ ({ slug: 'bench-ws-panel', ...english('before') }) });
      await documents.update({ documentId: panelDoc.documentId, locale: 'km', data: /** @type {any} */ ({ title: 'គោលដៅ', summary: 'សេចក្តីសង្ខេប។' }) });
      await documents.update({ documentId: panelDoc.documentId, locale: 'en', data: /** @type {any} */ (english('after')) });
    }
    const panelUrl = `/translations/workspace/source?contentType=project&documentId=${panelDoc.documentId}&locale=km`;
    const panel = await request('GET', panelUrl, token);
    if (panel.status !== 200) throw new Error(`panel: ${panel.status} ${JSON.stringify(panel.body)}`);
    const fields = panel.body.data.fields;
    const textCount = fields.reduce((/** @type {number} */ n, /** @type {any} */ f) => n + (f.blocks ? f.blocks.length : f.segments ? f.segments.length : 1), 0);
    log(`Panel: ${fields.length} localized fields, ${textCount} texts, ${fields.filter((/** @type {any} */ f) => f.outdated).length} outdated with a diff`);

    const baseline = await time(async () => request('GET', '/admin/users/me', token));
    const panelTimes = await time(async () => request('GET', panelUrl, token));

    // --- 2. memory lookups for a 40-sentence document
    // 20 sentences translated in other documents, 10 of them with one word changed, 10 never seen.
    const translatedSentence = (/** @type {number} */ i) => pool[sentenceOf((i * 7919) % DOCUMENTS, (i * 13) % 40)][0];
    const sentences = [
      ...Array.from({ length: 20 }, (_, i) => translatedSentence(i)),
      ...Array.from({ length: 10 }, (_, i) => translatedSentence(100 + i).replace(/^(\S+ \S+) \S+/, '$1 brandnew')),
      ...Array.from({ length: 10 }, () => `${Array.from({ length: 10 }, () => word(EN)).join(' ')} never translated.`),
    ];
    let memoryDoc = await query.findOne({ where: { slug: 'bench-ws-memory', locale: 'en' } });
    if (!memoryDoc) {
      memoryDoc = await documents.create({
        locale: 'en',
        data: /** @type {any} */ ({ slug: 'bench-ws-memory', title: 'Memory benchmark', background: Array.from({ length: 8 }, (_, p) => paragraph(sentences.slice(p * 5, p * 5 + 5).join(' '))) }),
      });
    }
    started = Date.now();
    const first = await plugin.service('memory').lookup({ targetLocale: 'km', texts: sentences });
    log(`First lookup (loads the memory index): ${ms(Date.now() - started)}; matches for ${first.filter((/** @type {any[]} */ m) => m.length > 0).length}/40 sentences (${first.filter((/** @type {any[]} */ m) => m[0]?.score === 100).length} exact)`);
    const memoryService = await time(async () => plugin.service('memory').lookup({ targetLocale: 'km', texts: sentences }));
    const memoryUrl = `/translations/workspace/memory?contentType=project&documentId=${memoryDoc.documentId}&locale=km`;
    const memoryHttp = await time(async () => request('GET', memoryUrl, token));
    const rss = process.memoryUsage().rss / 1024 / 1024;

    log('');
    log(`Translator's workspace, SQLite, ${DOCUMENTS} translated documents in the memory (${entries} entries), ${RUNS} runs each, sequential`);
    log('| what | p50 | p95 | p95 / baseline | target |');
    log('|---|---|---|---|---|');
    log(`| baseline: GET /admin/users/me | ${ms(baseline.p50)} | ${ms(baseline.p95)} | 1.0 | |`);
    log(`| side panel data, ${fields.length} fields / ${textCount} texts, all outdated (HTTP) | ${ms(panelTimes.p50)} | ${ms(panelTimes.p95)} | ${(panelTimes.p95 / baseline.p95).toFixed(1)} | < 50 ms: ${panelTimes.p95 < 50 ? 'met' : 'NOT met'} |`);
    log(`| memory lookup, 40 sentences (service) | ${ms(memoryService.p50)} | ${ms(memoryService.p95)} | ${(memoryService.p95 / baseline.p95).toFixed(1)} | < 100 ms: ${memoryService.p95 < 100 ? 'met' : 'NOT met'} |`);
    log(`| memory suggestions for the 40-sentence document (HTTP, + 8 paragraphs, title) | ${ms(memoryHttp.p50)} | ${ms(memoryHttp.p95)} | ${(memoryHttp.p95 / baseline.p95).toFixed(1)} | < 100 ms: ${memoryHttp.p95 < 100 ? 'met' : 'NOT met'} |`);
    log(`Process memory (RSS) with the index loaded: ${rss.toFixed(0)} MB`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
