// @ts-check
// `npm run bench:editorial`: public reads while editors and translators work (issue 14). On its own
// data set (demo content plus generated projects, two thirds also in Khmer) and a mix of public
// URLs, against the production server with its response cache, in one run:
//   A  reads only;
//   B  the same reads while an editor saves a draft every 200 ms (English or Khmer, REST with an API token);
//   C  the same reads while an editor publishes a change every 2 s; after each publish, the time
//      until an anonymous reader sees it;
// then the same publishes on two instances sharing Redis (written through one, read from the
// other), and a check that every URL of the mix answers the same with and without the cache.
// Writes the table to docs/benchmarks.md.
// Options: --duration S (15 per phase, in --rounds N (3) alternating rounds) --connections N (32) --projects N (300)
//          --soak S (0: off; else S seconds of phase B measuring the heap after forced GC)
//          --redis URL (default REDIS_URL or redis://127.0.0.1:6379; "off" skips the two-instance part)
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { buildDataset } = require('./dataset');
const { root, log, option, withApp, startServer, quantile } = require('../reliability/common');

const settings = {
  duration: option('duration', 15),
  connections: option('connections', 32),
  projects: option('projects', 300),
  soak: option('soak', 0),
  rounds: option('rounds', 3),
};
const redisArg = process.argv.indexOf('--redis');
const redisUrl = redisArg > 0 ? process.argv[redisArg + 1] : process.env.REDIS_URL || 'redis://127.0.0.1:6379';

Object.assign(process.env, {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  SEED_DEMO: 'true',
  PUBLIC_DIR: '.tmp/bench-public',
  ...(process.env.DATABASE_CLIENT === 'postgres' ? {} : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/editorial.db' }),
});
delete process.env.REDIS_URL; // one instance = in-process cache; the Redis part sets it per server
fs.mkdirSync(path.join(root, '.tmp', 'bench-public', 'uploads'), { recursive: true });

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The data set and the URL mix: each generated project by slug in English and by documentId in
 * Khmer with fallback, the pages of the English and the Khmer-with-fallback project lists, and
 * the other lists in both languages. Also an API token for the editor.
 * @param {import('@strapi/strapi').Core.Strapi} app
 */
const prepare = async (app) => {
  await buildDataset(app, { projects: settings.projects, publications: 0, galleries: 0, vacancies: 0, translated: (i) => i % 3 !== 2, log });
  const projects = /** @type {Array<{ documentId: string, slug: string }>} */ (/** @type {unknown} */ (
    await app.documents('api::project.project').findMany({ locale: 'en', status: 'published', fields: ['slug'], filters: { slug: { $startsWith: 'bench-project-' } }, limit: -1 })
  ));
  const translated = new Set(
    (await app.documents('api::project.project').findMany({ locale: 'km', status: 'published', fields: ['documentId'], limit: -1 })).map((p) => p.documentId)
  );
  /** @type {string[]} */
  const urls = [];
  for (const project of projects) {
    urls.push(`/api/projects?locale=en&filters[slug][$eq]=${project.slug}`, `/api/projects/${project.documentId}?locale=km&fallbackLocale=en`);
  }
  const pages = Math.ceil((projects.length + 12) / 25);
  for (let page = 1; page <= pages; page++) {
    urls.push(`/api/projects?locale=en&pagination[page]=${page}&pagination[pageSize]=25`, `/api/projects?locale=km&fallbackLocale=en&pagination[page]=${page}&pagination[pageSize]=25`);
  }
  for (const type of Object.values(app.contentTypes).filter((t) => t.uid.startsWith('api::') && t.kind === 'collectionType' && t.uid !== 'api::project.project')) {
    urls.push(`/api/${type.info.pluralName}?locale=en&pagination[pageSize]=50`, `/api/${type.info.pluralName}?locale=km&fallbackLocale=en&pagination[pageSize]=50`);
  }
  urls.push('/api/countries?locale=km&sort=menuOrder:asc&pagination[pageSize]=100', '/api/global?locale=en', '/api/global?locale=km&fallbackLocale=en');

  const tokens = app.service('admin::api-token');
  for (const old of await app.db.query('admin::api-token').findMany({ where: { name: { $startsWith: 'editorial-bench' } } })) await tokens.revoke(old.id);
  const token = await tokens.create({ name: `editorial-bench-${Date.now()}`, type: 'full-access', lifespan: null, description: 'npm run bench:editorial' });
  return { urls, projects: projects.map((p) => ({ ...p, translated: translated.has(p.documentId) })), token: /** @type {string} */ (token.accessKey) };
};

/** Reads of the URL mix, each request a random URL of it. @param {string} base @param {string[]} urls @param {number} duration @param {number} connections */
const reads = (base, urls, duration, connections) =>
  autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: urls[Math.floor(Math.random() * urls.length)] }) }],
  });

/**
 * Rounds of one phase together: requests over time; the median of the rounds' p50 and the worst p99.
 * @param {autocannon.Result[]} results
 */
const figures = (results) => ({
  rps: results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((n, r) => n + r.duration, 0),
  p50: quantile(results.map((r) => r.latency.p50), 0.5),
  p99: Math.max(...results.map((r) => r.latency.p99)),
  errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  /** @type {number | undefined} */ writes: undefined,
  /** @type {number | undefined} */ failures: undefined,
});

/**
 * An editor working on `base` until `stop()`: a draft save every 200 ms, or a publish every 2 s
 * followed by polling `readBase` as an anonymous reader until the change shows.
 * @param {{ base: string, readBase: string, token: string, projects: Array<{ documentId: string, slug: string, translated: boolean }>, kind: 'draft' | 'publish' }} options
 */
const editor = ({ base, readBase, token, projects, kind }) => {
  let running = true;
  const visibleMs = /** @type {number[]} */ ([]);
  const visibleAfterSentMs = /** @type {number[]} */ ([]);
  const writeMs = /** @type {number[]} */ ([]);
  let failures = 0;
  let n = 0;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const work = (async () => {
    while (running) {
      const started = Date.now();
      const project = projects[Math.floor(Math.random() * projects.length)];
      n += 1;
      const stamp = `${process.pid}-${n}-${started}`;
      if (kind === 'draft') {
        const locale = project.translated && n % 2 === 0 ? 'km' : 'en';
        const res = await fetch(`${base}/api/projects/${project.documentId}?locale=${locale}&status=draft`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ data: { summary: `Draft ${stamp}` } }),
        }).catch(() => null);
        if (!res?.ok) failures += 1;
        await res?.arrayBuffer();
        writeMs.push(Date.now() - started);
        await sleep(Math.max(0, 200 - (Date.now() - started)));
      } else {
        const res = await fetch(`${base}/api/projects/${project.documentId}?locale=en`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ data: { location: `Published ${stamp}` } }),
        }).catch(() => null);
        const answered = Date.now();
        if (!res?.ok) failures += 1;
        await res?.arrayBuffer();
        writeMs.push(answered - started);
        if (res?.ok) {
          const page = `${readBase}/api/projects?locale=en&filters[slug][$eq]=${project.slug}`;
          for (;;) {
            const body = await (await fetch(page)).text();
            if (body.includes(`Published ${stamp}`)) break;
            if (Date.now() - answered > 30000) throw new Error(`publish of ${project.slug} not visible after 30 s`);
            await sleep(5);
          }
          visibleMs.push(Date.now() - answered);
          visibleAfterSentMs.push(Date.now() - started);
        }
        await sleep(Math.max(0, 2000 - (Date.now() - started)));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await work;
      return { writes: writeMs.length, failures, writeMs, visibleMs, visibleAfterSentMs };
    },
  };
};

/** Heap in use after a forced garbage collection, in MB (scripts/serve.js, started with --expose-gc). @param {{ pid: number, output: () => string }} server */
const heapAfterGc = async (server) => {
  const seen = server.output().length;
  process.kill(server.pid, 'SIGUSR2');
  for (;;) {
    const match = /memory (\d+) (\d+) (\d+) (\d+)/.exec(server.output().slice(seen));
    if (match) return Number(match[4]) / 2 ** 20;
    await sleep(50);
  }
};

/** How many URLs of the mix the server answers from its cache right now. @param {string} base @param {string[]} urls */
const cachedCount = async (base, urls) => {
  let hits = 0;
  for (const url of urls) {
    const res = await fetch(base + url);
    await res.arrayBuffer();
    if (res.headers.get('x-cache') === 'HIT') hits += 1;
  }
  return hits;
};

/** Every URL, from a cached and an uncached server: the bodies must be identical. @param {string} cached @param {string} uncached @param {string[]} urls */
const compare = async (cached, uncached, urls) => {
  const differing = [];
  for (const url of urls) {
    const [a, b] = await Promise.all([fetch(cached + url).then((r) => r.text()), fetch(uncached + url).then((r) => r.text())]);
    if (a !== b) differing.push(url);
  }
  return differing;
};

const redisReachable = async () => {
  if (redisUrl === 'off') return false;
  const { Redis } = require('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
};

const main = async () => {
  const load = [os.loadavg()[0]];
  log('Data set and URL mix');
  const { urls, projects, token } = await withApp(prepare);
  log(`${urls.length} URLs, ${projects.length} generated projects (${projects.filter((p) => p.translated).length} also in Khmer)`);

  const server = await startServer({}, ['--expose-gc']);
  /** @type {Record<string, ReturnType<typeof figures>>} */
  const phases = {};
  let soak = null;
  let oneInstance;
  let twoInstances = null;
  let differing = /** @type {string[]} */ ([]);
  try {
    log('Warm-up: every URL once');
    for (const url of urls) await (await fetch(server.url + url)).arrayBuffer();

    // The three phases in alternating rounds (A, B, C, A, B, C, …): on a machine shared with other
    // work the load drifts, and interleaving makes a drift weigh on every phase alike.
    const seconds = settings.duration / settings.rounds;
    /** @type {Record<'A' | 'B' | 'C', autocannon.Result[]>} */
    const runs = { A: [], B: [], C: [] };
    /** @type {Array<Awaited<ReturnType<ReturnType<typeof editor>['stop']>>>} */
    const draftWork = [];
    /** @type {Array<Awaited<ReturnType<ReturnType<typeof editor>['stop']>>>} */
    const publishWork = [];
    let keptAfterDrafts = 0;
    for (let round = 1; round <= settings.rounds; round++) {
      log(`Round ${round}/${settings.rounds}: A reads only, B reads + a draft every 200 ms, C reads + a publish every 2 s, ${seconds} s each`);
      runs.A.push(await reads(server.url, urls, seconds, settings.connections));
      const drafts = editor({ base: server.url, readBase: server.url, token, projects, kind: 'draft' });
      runs.B.push(await reads(server.url, urls, seconds, settings.connections));
      draftWork.push(await drafts.stop());
      if (round === settings.rounds) keptAfterDrafts = await cachedCount(server.url, urls);
      const publishes = editor({ base: server.url, readBase: server.url, token, projects, kind: 'publish' });
      runs.C.push(await reads(server.url, urls, seconds, settings.connections));
      publishWork.push(await publishes.stop());
    }
    log(`  after the drafts: ${keptAfterDrafts} of ${urls.length} answers still cached`);
    phases.A = figures(runs.A);
    Object.assign(phases, { keptAfterDrafts });
    phases.B = { ...figures(runs.B), writes: draftWork.reduce((n, w) => n + w.writes, 0), failures: draftWork.reduce((n, w) => n + w.failures, 0) };
    phases.C = { ...figures(runs.C), writes: publishWork.reduce((n, w) => n + w.writes, 0), failures: publishWork.reduce((n, w) => n + w.failures, 0) };
    oneInstance = {
      writeMs: publishWork.flatMap((w) => w.writeMs),
      visibleMs: publishWork.flatMap((w) => w.visibleMs),
      visibleAfterSentMs: publishWork.flatMap((w) => w.visibleAfterSentMs),
    };
    load.push(os.loadavg()[0]);

    if (settings.soak > 0) {
      log(`Soak: phase B for ${settings.soak} s, heap after forced GC before and after`);
      const before = await heapAfterGc(server);
      const soakDrafts = editor({ base: server.url, readBase: server.url, token, projects, kind: 'draft' });
      const result = figures([await reads(server.url, urls, settings.soak, settings.connections)]);
      const soakWork = await soakDrafts.stop();
      const after = await heapAfterGc(server);
      soak = { seconds: settings.soak, before, after, growth: (after - before) / before, rps: result.rps, p99: result.p99, drafts: soakWork.writes };
      log(`  heap after GC ${before.toFixed(1)} MB → ${after.toFixed(1)} MB (${(soak.growth * 100).toFixed(1)} %)`);
    }

    log('Check: every URL with and without the cache');
    const uncached = await startServer({ CACHE_ENABLED: 'false' });
    try {
      differing = await compare(server.url, uncached.url, urls);
    } finally {
      await uncached.stop();
    }
    log(`  ${differing.length} of ${urls.length} differ${differing.length ? `: ${differing.slice(0, 5).join(', ')}` : ''}`);
  } finally {
    await server.stop();
  }

  if (await redisReachable()) {
    log(`Two instances sharing Redis: reads on both, publishes through the first, read back from the second, ${settings.duration} s`);
    const prefix = `habitat-bench-editorial-${process.pid}:`;
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
    const first = await startServer(env);
    const second = await startServer(env);
    try {
      for (const url of urls) await (await fetch(second.url + url)).arrayBuffer();
      const publishes = editor({ base: first.url, readBase: second.url, token, projects, kind: 'publish' });
      const [a, b] = await Promise.all([
        reads(first.url, urls, settings.duration, settings.connections / 2),
        reads(second.url, urls, settings.duration, settings.connections / 2),
      ]);
      const work = await publishes.stop();
      twoInstances = { ...work, rps: a.requests.average + b.requests.average, p99: Math.max(a.latency.p99, b.latency.p99) };
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      const { Redis } = require('ioredis');
      const redis = new Redis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    }
  } else {
    log('Redis not reachable: the two-instance part is skipped');
  }
  load.push(os.loadavg()[0]);

  const report = render({ urls, projects, phases, oneInstance, twoInstances, differing, soak, load });
  writeReport(report);
  log(`\n${report}`);
  if (differing.length > 0) process.exitCode = 1;
};

const START = '<!-- editorial results: written by npm run bench:editorial -->';
const END = '<!-- /editorial results -->';

const writeReport = (/** @type {string} */ report) => {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const existing = fs.readFileSync(file, 'utf8');
  const block = `${START}\n${report.trimEnd()}\n${END}`;
  const from = existing.indexOf(START);
  const to = existing.indexOf(END);
  fs.writeFileSync(file, from >= 0 && to > from ? existing.slice(0, from) + block + existing.slice(to + END.length) : `${existing.trimEnd()}\n\n## Reads while editors work\n\n${block}\n`);
};

/** @param {any} run */
const render = ({ urls, projects, phases, oneInstance, twoInstances, differing, soak, load }) => {
  const ms = (/** @type {number[]} */ values) => (values.length ? `p50 ${quantile(values, 0.5)} ms, max ${Math.max(...values)} ms` : '—');
  const row = (/** @type {string} */ name, /** @type {string} */ label, /** @type {any} */ p) =>
    `| ${name}: ${label} | ${p.rps.toFixed(0)} | ${p.p50} | ${p.p99} | ${(p.rps / phases.A.rps).toFixed(2)} | ${p.writes ?? '—'}${p.failures ? ` (${p.failures} failed)` : ''} | ${p.errors} |`;
  const visible = oneInstance.visibleMs;
  const lines = [
    `Made by \`npm run bench:editorial\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, ${process.env.DATABASE_CLIENT} database, production server with the in-process cache.`,
    `Machine load (1-minute average) at the start, after phase C and at the end: ${load.map((/** @type {number} */ l) => l.toFixed(1)).join(', ')} — the machine is shared with other work, so compare ratios within one run only.`,
    `Data set: the demo content plus ${projects.length} generated projects (${projects.filter((/** @type {any} */ p) => p.translated).length} also in Khmer). Mix: ${urls.length} public URLs (each generated project by slug in English and by documentId in Khmer with fallback, every page of the English and the Khmer-with-fallback project lists, the other lists in both languages, countries, global), each request a random one.`,
    `Load: autocannon, ${settings.connections} connections, ${settings.duration} s per phase in ${settings.rounds} alternating rounds (A, B, C, A, B, C, …; req/s over all rounds, p50 the median of the rounds', p99 the worst round's), after one read of every URL; the editor writes through the REST API with a full-access API token.`,
    '',
    '| phase | req/s | p50 ms | p99 ms | ÷ A | writes | errors + non-2xx |',
    '|---|---|---|---|---|---|---|',
    row('A', 'reads only', phases.A),
    row('B', 'reads + a draft save every 200 ms', phases.B),
    row('C', 'reads + a publish every 2 s', phases.C),
    '',
    `- Right after the last round of B (${phases.B.writes} draft saves in all), ${phases.keptAfterDrafts} of ${urls.length} URLs were answered from the cache (an answer dropped by the publishes of the round before and not read since counts as missing).`,
    `- Time until an anonymous reader sees a publish, one instance (from the publish's answer): ${ms(visible)} over ${visible.length} publishes; from sending the publish: ${ms(oneInstance.visibleAfterSentMs)}. The publish requests themselves took ${ms(oneInstance.writeMs)}.`,
    twoInstances
      ? `- Two instances sharing Redis (publish through one, read from the other, reads on both, ${settings.connections / 2} connections each): visible ${ms(twoInstances.visibleMs)} over ${twoInstances.visibleMs.length} publishes (from sending: ${ms(twoInstances.visibleAfterSentMs)}); ${twoInstances.rps.toFixed(0)} req/s together, p99 ${twoInstances.p99} ms.`
      : '- Two instances sharing Redis: not measured (Redis not reachable).',
    `- After the run, every URL of the mix from the cached server and from a server with the cache off: ${differing.length === 0 ? 'no difference' : `${differing.length} differ (${differing.slice(0, 5).join(', ')})`}.`,
    soak
      ? `- Soak: phase B for ${soak.seconds} s (${soak.drafts} draft saves, ${soak.rps.toFixed(0)} req/s, p99 ${soak.p99} ms): heap after a forced GC ${soak.before.toFixed(1)} MB before, ${soak.after.toFixed(1)} MB after (${(soak.growth * 100).toFixed(1)} %).`
      : '- Soak: not run this time (`--soak 600` runs phase B for 10 minutes and measures the heap after forced GC).',
    '',
    `Targets: B/A ≥ 0.8 (${(phases.B.rps / phases.A.rps).toFixed(2)}), C/A ≥ 0.5 (${(phases.C.rps / phases.A.rps).toFixed(2)}), p99 in B and C ≤ 50 ms (${phases.B.p99} and ${phases.C.p99}), every publish visible within 1 s (max ${visible.length ? Math.max(...visible) : '—'} ms one instance${twoInstances ? `, ${twoInstances.visibleMs.length ? Math.max(...twoInstances.visibleMs) : '—'} ms two instances` : ''}), heap growth < 5 % over 10 minutes of B.`,
  ];
  return `${lines.join('\n')}\n`;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
