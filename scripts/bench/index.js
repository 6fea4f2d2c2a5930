// @ts-check
// `npm run bench`: builds a realistic data set, starts the production server in its own process
// and drives it with autocannon, comparing in one run: (a) our server with its cache, (b) the same
// without the cache, (c) plain Strapi behaviour (our middlewares off), (d) a bare Node server
// returning the same bytes. Prints the figures and writes them to docs/benchmarks.md.
// Options: --duration S (10) --warmup S (3) --connections N (50) --soak S (300)
//          --projects N (2000) --publications N (500) --galleries N (60) --vacancies N (100)
//          --data-only (build the data set and stop, e.g. to study query plans on PostgreSQL)
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { buildDataset } = require('./dataset');

const root = path.resolve(__dirname, '..', '..');

/** @param {string} name @param {number} fallback */
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const settings = {
  duration: option('duration', 10),
  warmup: option('warmup', 3),
  connections: option('connections', 50),
  soak: option('soak', 300),
  projects: option('projects', 2000),
  publications: option('publications', 500),
  galleries: option('galleries', 60),
  vacancies: option('vacancies', 100),
};

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

// The benchmark has its own database and upload folder, never the developer's.
Object.assign(process.env, {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  PUBLIC_DIR: '.tmp/bench-public',
  ...(process.env.DATABASE_CLIENT === 'postgres' ? {} : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/bench.db' }),
});
fs.mkdirSync(path.join(root, '.tmp', 'bench-public', 'uploads'), { recursive: true });

const openFrom = new Date(Math.floor(Date.now() / 86400000) * 86400000).toISOString();
const SCENARIOS = [
  {
    name: 'Khmer project list with fallback, countries populated',
    path: '/api/projects?locale=km&fallbackLocale=en&populate[countries][fields][0]=name&pagination[pageSize]=25',
    // Plain Strapi has no fallback: its nearest request is the Khmer list alone.
    plainPath: '/api/projects?locale=km&populate[countries][fields][0]=name&pagination[pageSize]=25',
  },
  {
    name: 'one project by slug, with its relations',
    path: '/api/projects?locale=en&filters[slug][$eq]=bench-project-0042&populate[countries]=true&populate[themes]=true&populate[partners]=true&populate[donors]=true&populate[cover]=true&populate[keyFigures]=true&populate[totalCost]=true',
  },
  { name: 'countries in menu order', path: '/api/countries?locale=km&sort=menuOrder:asc&pagination[pageSize]=100' },
  {
    name: 'open vacancies',
    path: `/api/vacancies?locale=en&filters[closesAt][$gt]=${openFrom}&sort=closesAt:asc&populate[country][fields][0]=name`,
  },
];

/**
 * @param {string} script @param {string[]} args @param {Record<string, string>} env
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void>, startedMs: number }>}
 */
const startProcess = (script, args, env) =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          pid: /** @type {number} */ (child.pid),
          startedMs: Date.now() - started,
          stop: () => new Promise((done) => { child.on('exit', () => done()); child.kill('SIGTERM'); }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });

const rssMb = (/** @type {number} */ pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** @param {string} url @param {number} duration */
const load = (url, duration) =>
  autocannon({ url, connections: settings.connections, duration, timeout: 10 });

/** @param {string} base @param {string} path */
const measure = async (base, path) => {
  await load(base + path, settings.warmup);
  const result = await load(base + path, settings.duration);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
};

const buildData = async () => {
  log('Data set: demo content plus generated projects, publications, galleries and vacancies');
  const appContext = await compileStrapi({ appDir: root });
  process.env.SEED_DEMO = 'true';
  const app = createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  try {
    return await buildDataset(app, { ...settings, log });
  } finally {
    await app.destroy();
  }
};

const loadAtStart = os.loadavg()[0];

const main = async () => {
  const seed = await buildData();
  if (process.argv.includes('--data-only')) return;
  const serve = path.join(root, 'scripts', 'serve.js');
  const variants = {
    a: { label: 'ours, cached', env: {} },
    b: { label: 'ours, cache off', env: { CACHE_ENABLED: 'false' } },
    c: { label: 'plain Strapi', env: { CACHE_ENABLED: 'false', PLAIN_STRAPI_MIDDLEWARES: 'true' } },
  };
  /** @type {Record<string, Record<string, any>>} */
  const results = {};
  /** @type {Record<string, string>} */
  const bodies = {};
  const report = (/** @type {'a' | 'b' | 'c'} */ key, /** @type {typeof SCENARIOS[number]} */ scenario, /** @type {Record<string, number>} */ figures) =>
    log(`${variants[key].label.padEnd(16)} ${scenario.name.padEnd(42)} ${figures.rps.toFixed(0).padStart(6)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}  non-2xx ${figures.non2xx}`);
  let coldStartMs = 0;
  let rssAfterRun = 0;
  let rssAfterSoak = 0;

  const a = await startProcess(serve, [], variants.a.env);
  {
    const firstAnswer = Date.now();
    const probe = await fetch(`${a.url}/api/countries?locale=en`);
    coldStartMs = a.startedMs + (Date.now() - firstAnswer);
    if (!probe.ok) throw new Error(`server answered ${probe.status}`);
    for (const scenario of SCENARIOS) {
      const file = path.join(root, '.tmp', `bench-body-${SCENARIOS.indexOf(scenario)}.json`);
      fs.writeFileSync(file, Buffer.from(await (await fetch(a.url + scenario.path)).arrayBuffer()));
      bodies[scenario.name] = file;
      const figures = await measure(a.url, scenario.path);
      (results[scenario.name] ??= {}).a = figures;
      report('a', scenario, figures);
    }
    rssAfterRun = rssMb(a.pid);
    if (settings.soak > 0) {
      log(`Soak: ${settings.soak} s of the scenarios in turn on the cached server`);
      const soakUntil = Date.now() + settings.soak * 1000;
      while (Date.now() < soakUntil) {
        for (const scenario of SCENARIOS) await load(a.url + scenario.path, Math.min(15, Math.max(1, (soakUntil - Date.now()) / 1000)));
      }
      rssAfterSoak = rssMb(a.pid);
    }
    await a.stop();
  }

  // b against c is the ratio that matters for uncached answers, and on a shared machine the load
  // of other work drifts: both servers run side by side and are measured in alternating rounds
  // (b, c, b, c), so that a drift weighs on both alike.
  const [b, c] = [await startProcess(serve, [], variants.b.env), await startProcess(serve, [], variants.c.env)];
  for (const scenario of SCENARIOS) {
    const paths = { b: scenario.path, c: scenario.plainPath ?? scenario.path };
    const servers = { b, c };
    /** @type {Record<'b' | 'c', Array<Awaited<ReturnType<typeof load>>>>} */
    const rounds = { b: [], c: [] };
    for (const key of /** @type {const} */ (['b', 'c'])) await load(servers[key].url + paths[key], settings.warmup);
    for (let round = 0; round < 2; round++) {
      for (const key of /** @type {const} */ (['b', 'c'])) rounds[key].push(await load(servers[key].url + paths[key], settings.duration / 2));
    }
    for (const key of /** @type {const} */ (['b', 'c'])) {
      const runs = rounds[key];
      const figures = {
        rps: runs.reduce((sum, r) => sum + r.requests.total, 0) / runs.reduce((sum, r) => sum + r.duration, 0),
        p50: Math.max(...runs.map((r) => r.latency.p50)),
        p99: Math.max(...runs.map((r) => r.latency.p99)),
        errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
        non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
      };
      results[scenario.name][key] = figures;
      report(key, scenario, figures);
    }
  }
  await Promise.all([b.stop(), c.stop()]);

  for (const scenario of SCENARIOS) {
    const bare = await startProcess(path.join(__dirname, 'bare-server.js'), [bodies[scenario.name]], {});
    results[scenario.name].d = await measure(bare.url, scenario.path);
    log(`${'bare Node'.padEnd(16)} ${scenario.name.padEnd(42)} ${results[scenario.name].d.rps.toFixed(0).padStart(6)} req/s`);
    await bare.stop();
  }

  const text = renderReport({ results, seed, coldStartMs, rssAfterRun, rssAfterSoak });
  writeReport(path.join(root, 'docs', 'benchmarks.md'), text);
  log(`\n${text}`);
};

const START = '<!-- results: written by npm run bench -->';
const END = '<!-- /results -->';

/** Replaces the figures in the report, keeping whatever was written around them by hand. */
const writeReport = (/** @type {string} */ file, /** @type {string} */ report) => {
  const block = `${START}\n${report}${END}\n`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    start >= 0 && end > start ? existing.slice(0, start) + block + existing.slice(end + END.length + 1) : `# Benchmarks\n\n${block}`
  );
};

/** @param {{ results: Record<string, Record<string, any>>, seed: { documents: number, seconds: number }, coldStartMs: number, rssAfterRun: number, rssAfterSoak: number }} run */
const renderReport = ({ results, seed, coldStartMs, rssAfterRun, rssAfterSoak }) => {
  const row = (/** @type {string} */ name, /** @type {Record<string, any>} */ r) =>
    `| ${name} | ${['a', 'b', 'c', 'd'].map((k) => r[k].rps.toFixed(0)).join(' | ')} | ${r.a.p50} / ${r.a.p99} | ${r.b.p50} / ${r.b.p99} | ${r.c.p50} / ${r.c.p99} | ${(r.a.rps / r.d.rps).toFixed(2)} | ${(r.b.rps / r.c.rps).toFixed(2)} | ${['a', 'b', 'c'].map((k) => r[k].errors + r[k].non2xx).join(' / ')} |`;
  const growth = rssAfterSoak ? `${(((rssAfterSoak - rssAfterRun) / rssAfterRun) * 100).toFixed(1)} %` : 'not measured (--soak 0)';
  return `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.env.DATABASE_CLIENT} database.
Data set: the demo content plus ${settings.projects} projects, ${settings.publications} publications, ${settings.galleries} photo galleries and ${settings.vacancies} vacancies, each in English and Khmer.
Load: autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up then ${settings.duration} s per scenario, from the same machine (the load generator shares the 2 cores); b and c run side by side and are measured in alternating rounds (b, c, b, c; ${settings.duration / 2} s each), so that a change in the machine's load weighs on both alike. Machine load (1-minute average) at the start and the end: ${loadAtStart.toFixed(1)}, ${os.loadavg()[0].toFixed(1)}.

Variants, all in the same run: **a** our server with the response cache; **b** our server, cache off;
**c** plain Strapi behaviour (Strapi's default middleware list, without our cache, checks and default populate);
**d** the ceiling, a bare Node \`http\` server returning the same bytes.

| scenario | a req/s | b req/s | c req/s | d req/s | a p50 / p99 ms | b p50 / p99 ms | c p50 / p99 ms | a/d | b/c | errors + non-2xx a / b / c |
|---|---|---|---|---|---|---|---|---|---|---|
${Object.entries(results).map(([name, r]) => row(name, r)).join('\n')}

- Cold start of the production server to its first answer: ${(coldStartMs / 1000).toFixed(1)} s.
- Resident memory of the cached server after the scenarios: ${rssAfterRun.toFixed(0)} MB; after a ${settings.soak} s soak: ${rssAfterSoak ? `${rssAfterSoak.toFixed(0)} MB` : '—'} (growth ${growth}).
- Seed rate through the Document Service: ${seed.seconds > 0 ? (seed.documents / seed.seconds).toFixed(0) : '—'} documents/s (${seed.documents} documents written in ${seed.seconds.toFixed(0)} s this run; 0 when the data set already existed).

Targets: a/d ≥ 0.5, b/c ≥ 1.0, p99 of a ≤ 25 ms, no errors.
`;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
