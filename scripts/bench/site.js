// @ts-check
// `npm run bench:site`: the site (site/, built with `npm run site:build`) in front of the CMS, with
// the benchmark's data set (2,000 projects in English and Khmer, scripts/bench/dataset.js).
// Measures, in one run, each against a baseline measured the same way:
// - a project page served from the site's cache, against a bare Node server answering the same bytes;
// - cold renders (neither the site nor the CMS has seen the project), p95, against the CMS's own
//   cold answer to the page's main REST request for other, equally unseen projects.
// Writes the figures into docs/benchmarks.md between the "site results" markers.
// Options: --duration S (10) --warmup S (3) --connections N (50) --cold N (200) --projects N (2000)
//          --publications N (500) --galleries N (60) --vacancies N (100), as `npm run bench`
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { buildDataset } = require('./dataset');

const root = path.resolve(__dirname, '..', '..');
const siteDir = path.join(root, 'site');

/** @param {string} name @param {number} fallback */
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const settings = {
  duration: option('duration', 10),
  warmup: option('warmup', 3),
  connections: option('connections', 50),
  cold: option('cold', 200),
  projects: option('projects', 2000),
  publications: option('publications', 500),
  galleries: option('galleries', 60),
  vacancies: option('vacancies', 100),
};
const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

Object.assign(process.env, {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  PUBLIC_DIR: '.tmp/bench-site-public',
  ...(process.env.DATABASE_CLIENT === 'postgres' ? {} : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/bench-site.db' }),
  // No webhook: the CMS and the site are measured on their own.
  SITE_URL: '',
});
fs.mkdirSync(path.join(root, '.tmp', 'bench-site-public', 'uploads'), { recursive: true });

/**
 * @param {string[]} args @param {Record<string, string>} env @param {RegExp} ready @param {string} cwd
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
const start = (args, env, ready, cwd) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          stop: () => new Promise((done) => { child.on('exit', () => done()); child.kill('SIGTERM'); }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });

const freePort = () =>
  new Promise((resolve) => {
    const probe = require('net').createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

/** The site's run-time cache (pages and data) from earlier runs: removed, so that "cold" is cold. */
const clearSiteCache = () => {
  const nextDir = path.join(siteDir, '.next');
  if (!fs.existsSync(path.join(nextDir, 'BUILD_ID'))) throw new Error('No site build: run `npm run site:install` and `npm run site:build` first.');
  for (const locale of ['en', 'km']) {
    for (const suffix of ['', '.html', '.rsc', '.meta']) fs.rmSync(path.join(nextDir, 'server', 'app', `${locale}${suffix}`), { recursive: true, force: true });
  }
  fs.rmSync(path.join(nextDir, 'cache'), { recursive: true, force: true });
};

/** @param {number[]} values @param {number} p */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Sequential requests, one at a time: milliseconds each. @param {string[]} urls */
const timeEach = async (urls) => {
  const times = [];
  for (const url of urls) {
    const started = process.hrtime.bigint();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
};

/** @param {string} url */
const throughput = async (url) => {
  await autocannon({ url, connections: settings.connections, duration: settings.warmup });
  const result = await autocannon({ url, connections: settings.connections, duration: settings.duration });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
};

const pad = (/** @type {number} */ i) => String(i).padStart(4, '0');
const projectQuery = (/** @type {string} */ slug, /** @type {string} */ locale) =>
  `/api/projects?locale=${locale}${locale === 'en' ? '' : '&fallbackLocale=en'}&filters[slug][$eq]=${slug}&populate[cover]=true&populate[countries][fields][0]=name&populate[countries][fields][1]=slug&populate[keyFigures]=true&populate[totalCost]=true&populate[partners]=true&populate[donors]=true&populate[themes]=true&populate[localizations][fields][0]=locale`;

const main = async () => {
  log(`Data set: demo content plus ${settings.projects} generated projects (and the other generated types) in English and Khmer`);
  const appContext = await compileStrapi({ appDir: root });
  process.env.SEED_DEMO = 'true';
  const app = createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  try {
    await buildDataset(app, { ...settings, log });
  } finally {
    await app.destroy();
  }

  clearSiteCache();
  const cms = await start([path.join(root, 'scripts', 'serve.js')], { PORT: '0', HOST: '127.0.0.1' }, /listening (\d+)/, root);
  const port = String(await freePort());
  const site = await start([path.join(siteDir, 'server.mjs')], { PORT: port, HOSTNAME: '127.0.0.1', STRAPI_URL: cms.url, SITE_URL: `http://127.0.0.1:${port}`, SITE_REVALIDATE_SECONDS: '3600' }, /Ready on http:\/\/[^:]+:(\d+)/, siteDir);
  try {
    // The chrome every page shares (menu, countries) is fetched once here, as on a live site.
    await timeEach([`${site.url}/en`, `${site.url}/km`]);

    // Cold renders: half English, half Khmer, projects nobody asked for yet; then the CMS alone,
    // cold too, for as many other projects.
    const half = Math.floor(settings.cold / 2);
    const pages = [];
    const apis = [];
    for (let i = 0; i < half; i++) {
      pages.push(`${site.url}/en/projects/bench-project-${pad(i * 2)}`, `${site.url}/km/projects/bench-project-${pad(i * 2 + 1)}`);
      apis.push(cms.url + projectQuery(`bench-project-${pad(1000 + i * 2)}`, 'en'), cms.url + projectQuery(`bench-project-${pad(1001 + i * 2)}`, 'km'));
    }
    const cold = await timeEach(pages);
    const api = await timeEach(apis);
    const coldFigures = { p50: percentile(cold, 50), p95: percentile(cold, 95), apiP50: percentile(api, 50), apiP95: percentile(api, 95) };
    log(`cold render          p50 ${coldFigures.p50.toFixed(1)} ms  p95 ${coldFigures.p95.toFixed(1)} ms   (CMS alone, cold: p50 ${coldFigures.apiP50.toFixed(1)} ms  p95 ${coldFigures.apiP95.toFixed(1)} ms)`);

    // A page from the site's cache, and the bare server with the same bytes.
    const pageUrl = `${site.url}/km/projects/bench-project-0001`;
    const body = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
    if ((await fetch(pageUrl)).headers.get('x-nextjs-cache') !== 'HIT') throw new Error('the page is not served from the cache');
    const cached = await throughput(pageUrl);
    log(`cached page          ${cached.rps.toFixed(0)} req/s  p50 ${cached.p50} ms  p99 ${cached.p99} ms  errors ${cached.errors}`);
    const bodyFile = path.join(root, '.tmp', 'bench-site-page.html');
    fs.writeFileSync(bodyFile, body);
    const bare = await start([path.join(__dirname, 'bare-server.js'), bodyFile], {}, /listening (\d+)/, root);
    const ceiling = await throughput(`${bare.url}/km/projects/bench-project-0001`);
    await bare.stop();
    log(`bare Node, same bytes ${ceiling.rps.toFixed(0)} req/s`);

    const report = `Made by \`npm run bench:site\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, ${process.env.DATABASE_CLIENT} database; the CMS, the site and the load generator share the machine.
Data set: the demo content plus ${settings.projects} projects (and the other generated types of \`npm run bench\`), each in English and Khmer. The site: \`next start\` through site/server.mjs, Next.js ${require(path.join(siteDir, 'node_modules', 'next', 'package.json')).version}.

| measure | site | baseline, same run | ratio | target |
|---|---|---|---|---|
| project page from the site's cache (autocannon, ${settings.connections} connections, ${settings.duration} s; ${(body.length / 1024).toFixed(0)} KB of HTML) | ${cached.rps.toFixed(0)} req/s (p50 ${cached.p50} ms, p99 ${cached.p99} ms, errors ${cached.errors}) | bare Node server, same bytes: ${ceiling.rps.toFixed(0)} req/s | ${(cached.rps / ceiling.rps).toFixed(2)} | ≥ 1,000 req/s: ${cached.rps >= 1000 ? 'met' : 'NOT met'} |
| cold render of a project page, site and CMS caches cold (${cold.length} projects one after another, half Khmer) | p50 ${coldFigures.p50.toFixed(0)} ms, p95 ${coldFigures.p95.toFixed(0)} ms | the CMS alone answering the page's project request, cold (${api.length} other projects): p50 ${coldFigures.apiP50.toFixed(0)} ms, p95 ${coldFigures.apiP95.toFixed(0)} ms | ${(coldFigures.p95 / coldFigures.apiP95).toFixed(2)} (p95) | p95 < 300 ms: ${coldFigures.p95 < 300 ? 'met' : 'NOT met'} |
`;
    writeReport(path.join(root, 'docs', 'benchmarks.md'), report);
    log(`\n${report}`);
  } finally {
    await site.stop();
    await cms.stop();
  }
};

const START = '<!-- site results: written by npm run bench:site -->';
const END = '<!-- /site results -->';

/** Replaces the site's figures in the report, keeping everything else. @param {string} file @param {string} report */
const writeReport = (file, report) => {
  const block = `${START}\n${report}${END}\n`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  fs.writeFileSync(file, start >= 0 && end > start ? existing.slice(0, start) + block + existing.slice(end + END.length + 1) : `${existing.trimEnd()}\n\n## The site (site/)\n\n${block}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
