// @ts-check
// `npm run bench:search`: the site search under load. For each database (SQLite in
// .tmp/bench-search.db; PostgreSQL in a database it creates and drops, on DATABASE_HOST/PORT/
// USERNAME/PASSWORD, default postgres@127.0.0.1:5432), it generates a bilingual corpus (projects and
// publications in English and Khmer, realistic lengths, words taken from the demo content), times a
// full index build (`rebuildIndex`, as `npm run search:reindex` does), starts the production server
// and drives GET /api/search with a mix of Khmer and English queries with autocannon, then with a
// baseline (a word no document holds) on the same server. Prints the figures and writes them into
// docs/benchmarks.md.
// Options: --documents N (5000) --connections N (8) --duration S (10) --warmup S (3)
//          --db sqlite|postgres|both (both) --quick (500 documents, 3 s: proves it works)
'use strict';

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const settings = {
  documents: Number(option('documents', quick ? '500' : '5000')),
  connections: Number(option('connections', '8')),
  duration: Number(option('duration', quick ? '3' : '10')),
  warmup: Number(option('warmup', quick ? '1' : '3')),
  db: option('db', 'both'),
};
const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

/** Words of the demo content, per language: the generated text is made of them. */
const vocabulary = () => {
  const en = new Set();
  const km = new Set();
  // Intl.Segmenter is in Node 20 but not in this project's TypeScript lib.
  const segmenter = new (/** @type {any} */ (Intl).Segmenter)('km', { granularity: 'word' });
  /** @param {unknown} value @param {string} lang */
  const walk = (value, lang) => {
    if (typeof value === 'string') {
      if (lang === 'km') for (const s of /** @type {Iterable<{ segment: string, isWordLike: boolean }>} */ (segmenter.segment(value))) { if (s.isWordLike && /^[\u1780-\u17DD]+$/.test(s.segment)) km.add(s.segment); }
      else for (const word of value.split(/[^A-Za-z]+/)) { if (word.length > 2) en.add(word); }
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, lang));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, key === 'km' || key === 'en' ? key : lang);
  };
  for (const file of fs.readdirSync(path.join(root, 'database', 'seeds')).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(fs.readFileSync(path.join(root, 'database', 'seeds', file), 'utf8')), 'en');
  }
  return { en: [...en], km: [...km] };
};

/** Deterministic pseudo-random numbers, so every run searches the same corpus. */
const random = (() => {
  let state = 42;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
})();
/** @param {string[]} words @param {number} count @param {string} separator */
const text = (words, count, separator) => Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(separator);
/** @param {string} paragraph */
const blocks = (paragraph) => [{ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }];

/** One database: corpus, index build, load. Runs in its own process (one Strapi per process). */
const runPhase = async () => {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const autocannon = require('autocannon');
  const words = vocabulary();
  const appContext = await compileStrapi({ appDir: root });
  const app = createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  let build;
  try {
    const now = new Date();
    const existing = await app.db.query('api::project.project').count({ where: { slug: { $startsWith: 'bench-search-' } } });
    if (existing === 0) {
      log(`Corpus: ${settings.documents} documents (4/5 projects, 1/5 publications), each in English and Khmer`);
      for (let i = 0; i < settings.documents; i += 250) {
        /** @type {Record<string, any[]>} */
        const rows = { 'api::project.project': [], 'api::publication.publication': [] };
        for (let n = i; n < Math.min(settings.documents, i + 250); n++) {
          const uid = n % 5 === 4 ? 'api::publication.publication' : 'api::project.project';
          const documentId = crypto.randomBytes(12).toString('hex');
          for (const locale of ['en', 'km']) {
            const lang = locale === 'en' ? words.en : words.km;
            const sep = locale === 'en' ? ' ' : '';
            // Khmer: words run together, ZWSP between some of them, a space between phrases.
            const para = () => Array.from({ length: 6 }, () => text(lang, 6, sep === '' ? (random() < 0.3 ? '\u200b' : '') : ' ')).join(' ');
            const common = { documentId, locale, slug: `bench-search-${n}`, title: text(lang, 8, sep === '' ? '' : ' ').slice(0, 250), summary: text(lang, 40, ' '), publishedAt: now, createdAt: now, updatedAt: now };
            rows[uid].push(uid === 'api::project.project'
              ? { ...common, projectStatus: 'ongoing', background: blocks(para()), objectives: blocks(para()), results: blocks(para()) }
              : { ...common, kind: 'report' });
          }
        }
        for (const [uid, data] of Object.entries(rows)) if (data.length) await app.db.query(/** @type {any} */ (uid)).createMany({ data });
      }
    }
    const { rebuildIndex } = require(path.join(root, 'dist', 'src', 'search', 'indexer'));
    const started = Date.now();
    const versions = await rebuildIndex(app);
    build = { versions, seconds: (Date.now() - started) / 1000 };
    log(`Index build: ${versions} published versions in ${build.seconds.toFixed(1)} s`);
  } finally {
    await app.destroy();
  }

  const queries = [
    ...Array.from({ length: 20 }, () => ({ q: text(words.en, 1, ''), locale: 'en' })),
    ...Array.from({ length: 10 }, () => ({ q: text(words.en, 2, ' '), locale: 'en' })),
    ...Array.from({ length: 10 }, () => ({ q: text(words.en, 1, '').slice(0, 5), locale: 'en' })),
    ...Array.from({ length: 20 }, () => ({ q: text(words.km, 1, ''), locale: 'km' })),
    ...Array.from({ length: 10 }, () => ({ q: text(words.km, 2, '\u200b'), locale: 'km' })),
    ...Array.from({ length: 10 }, () => ({ q: text(words.km, 1, ''), locale: 'km', fallbackLocale: 'en' })),
  ].map((query) => ({ method: /** @type {'GET'} */ ('GET'), path: `/api/search?${new URLSearchParams(query)}` }));

  const server = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.js')], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => new Promise((done) => { child.on('exit', done); child.kill('SIGTERM'); }) });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const run = (/** @type {any[]} */ requests, /** @type {number} */ duration) => autocannon({ url: server.url, requests, connections: settings.connections, duration, timeout: 10 });
    await run(queries, settings.warmup);
    const result = await run(queries, settings.duration);
    // The baseline, in the same run: the same route and server with a word no document holds, what
    // every search costs before the index has any work to do (HTTP, middlewares, validation).
    const floor = await run([{ method: 'GET', path: `/api/search?${new URLSearchParams({ q: 'zzqxjw', locale: 'en' })}` }], settings.duration);
    const figures = {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + floor.errors + floor.timeouts,
      non2xx: result.non2xx + floor.non2xx,
      floor: { rps: floor.requests.average, p99: floor.latency.p99 },
    };
    log(`Search: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`);
    log(`Baseline (a word no document holds): ${figures.floor.rps.toFixed(0)} req/s, p99 ${figures.floor.p99} ms; search/baseline ${(figures.rps / figures.floor.rps).toFixed(2)}`);
    fs.writeFileSync(path.join(root, '.tmp', `bench-search-${process.env.DATABASE_CLIENT}.json`), JSON.stringify({ ...figures, build }));
  } finally {
    await server.stop();
  }
};

/** Runs one phase in a child process with the database's environment. @param {Record<string, string>} env */
const phase = (env) => {
  const result = spawnSync(process.execPath, [__filename, ...process.argv.slice(2), '--phase'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', SEED_DEMO: 'false', PUBLIC_DIR: '.tmp/bench-public', ...env } });
  if (result.status !== 0) throw new Error(`${env.DATABASE_CLIENT} phase failed`);
  return JSON.parse(fs.readFileSync(path.join(root, '.tmp', `bench-search-${env.DATABASE_CLIENT}.json`), 'utf8'));
};

const main = async () => {
  fs.mkdirSync(path.join(root, '.tmp', 'bench-public', 'uploads'), { recursive: true });
  /** @type {Record<string, any>} */
  const results = {};
  if (settings.db !== 'postgres') {
    log('--- SQLite');
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(root, '.tmp', `bench-search.db${suffix}`), { force: true });
    results.SQLite = phase({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/bench-search.db' });
  }
  if (settings.db !== 'sqlite') {
    log('--- PostgreSQL');
    const { Client } = require('pg');
    const server = { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD || undefined };
    const database = `habitat_bench_search_${process.pid}`;
    const admin = async (/** @type {string} */ sql) => {
      const client = new Client({ ...server, database: 'postgres' });
      await client.connect();
      try { await client.query(sql); } finally { await client.end(); }
    };
    await admin(`CREATE DATABASE ${database}`);
    try {
      results.PostgreSQL = phase({ DATABASE_CLIENT: 'postgres', DATABASE_HOST: server.host, DATABASE_PORT: String(server.port), DATABASE_NAME: database, DATABASE_USERNAME: server.user, DATABASE_PASSWORD: server.password ?? '' });
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  }
  const report = `Made by \`npm run bench:search${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}.
Corpus: ${settings.documents} generated documents (projects with three body fields of ~36 words each, publications), each in English and Khmer (${2 * settings.documents} published versions), plus the demo content when present; words taken from the demo content.
Load: autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up then ${settings.duration} s, a mix of 80 queries (English one word, two words, prefixes; Khmer one word, two words joined by a zero-width space, with fallbackLocale). Search answers are not cached.

Baseline, measured in the same run against the same server: a search for a word no document holds (HTTP, middlewares and validation, no index work).

| database | index build | req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | req/s ÷ baseline | errors + non-2xx |
|---|---|---|---|---|---|---|---|---|
${Object.entries(results).map(([db, r]) => `| ${db} | ${r.build.versions} versions in ${r.build.seconds.toFixed(1)} s | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.floor.rps.toFixed(0)} | ${r.floor.p99} | ${(r.rps / r.floor.rps).toFixed(2)} | ${r.errors + r.non2xx} |`).join('\n')}

Target: p99 under 50 ms at 8 concurrent clients: ${Object.entries(results).map(([db, r]) => `${db} ${r.p99 < 50 ? 'met' : 'NOT met'} (${r.p99} ms)`).join(', ')}.
`;
  writeReport(path.join(root, 'docs', 'benchmarks.md'), report);
  log(`\n${report}`);
};

const START = '<!-- search results: written by npm run bench:search -->';
const END = '<!-- /search results -->';

/** Replaces the search figures in the report, keeping the rest of the file. */
const writeReport = (/** @type {string} */ file, /** @type {string} */ report) => {
  const block = `${START}\n${report}${END}\n`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  fs.writeFileSync(file, start >= 0 && end > start ? existing.slice(0, start) + block + existing.slice(end + END.length + 1) : `${existing.trimEnd()}\n\n## Site search\n\n${block}`);
};

(process.argv.includes('--phase') ? runPhase() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
