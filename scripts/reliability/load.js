// @ts-check
// `npm run reliability:load`: 60 s at 64 connections of mixed public traffic (lists, details,
// English and Khmer, locale fallback, search when the route exists) against the production server,
// once with the response cache and once without it. Reports status counts (the target is zero
// 5xx), latency percentiles, and memory before, after, and after a forced garbage collection.
// Writes the figures to docs/reliability.md. Exits 1 on any 5xx or connection error.
// Options: --duration S (60) --connections N (64) --warmup S (5)
// Database: its own SQLite file (.tmp/reliability.db), or DATABASE_CLIENT=postgres + DATABASE_URL.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { root, log, option, withApp, publicUrls, searchUrls, startServer, writeSection } = require('./common');

const settings = { duration: option('duration', 60), connections: option('connections', 64), warmup: option('warmup', 5) };

Object.assign(process.env, {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  SEED_DEMO: 'true',
  PUBLIC_DIR: '.tmp/reliability-public',
  ...(process.env.DATABASE_CLIENT === 'postgres' ? {} : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/reliability.db' }),
});
fs.mkdirSync(path.join(root, '.tmp', 'reliability-public', 'uploads'), { recursive: true });

/** @param {{ pid: number, output: () => string }} server @returns {Promise<{ rss: number, heap: number, rssAfterGc: number, heapAfterGc: number }>} */
const memory = async (server) => {
  const seen = server.output().length;
  process.kill(server.pid, 'SIGUSR2');
  for (;;) {
    const match = /memory (\d+) (\d+) (\d+) (\d+)/.exec(server.output().slice(seen));
    if (match) {
      const [rss, heap, rssAfterGc, heapAfterGc] = match.slice(1).map((bytes) => Number(bytes) / 2 ** 20);
      return { rss, heap, rssAfterGc, heapAfterGc };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** @param {string} base @param {string[]} urls @param {number} duration */
const drive = (base, urls, duration) =>
  autocannon({ url: base, connections: settings.connections, duration, timeout: 10, requests: urls.map((p) => ({ method: 'GET', path: encodeURI(p) })) });

const main = async () => {
  const urls = await withApp(publicUrls);
  /** @type {Array<Record<string, any>>} */
  const runs = [];
  for (const [label, env] of /** @type {const} */ ([['cache on', {}], ['cache off', { CACHE_ENABLED: 'false' }]])) {
    const server = await startServer(env, ['--expose-gc']);
    const mix = [...urls, ...(await searchUrls(server.url))];
    for (const url of mix) {
      const res = await fetch(server.url + encodeURI(url));
      if (res.status !== 200) throw new Error(`${url} answered ${res.status} before the load`);
    }
    await drive(server.url, mix, settings.warmup);
    const before = await memory(server);
    log(`${label}: ${settings.duration} s at ${settings.connections} connections over ${mix.length} URLs…`);
    const result = await drive(server.url, mix, settings.duration);
    const after = await memory(server);
    await server.stop();
    const run = {
      label,
      urls: mix.length,
      search: mix.length > urls.length,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      s2xx: result['2xx'],
      s4xx: result['4xx'],
      s5xx: result['5xx'],
      errors: result.errors + result.timeouts,
      before,
      after,
    };
    runs.push(run);
    log(`  ${run.requests} requests, ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms; 2xx ${run.s2xx}, 4xx ${run.s4xx}, 5xx ${run.s5xx}, errors ${run.errors}`);
    log(`  RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB (${after.rssAfterGc.toFixed(0)} after GC); heap ${before.heap.toFixed(0)} → ${after.heap.toFixed(0)} MB (${after.heapAfterGc.toFixed(0)} after GC)`);
  }

  const mb = (/** @type {number} */ n) => n.toFixed(0);
  writeSection(
    'load',
    'npm run reliability:load',
    `Made by \`npm run reliability:load\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, ${process.env.DATABASE_CLIENT} database with the demo content; load generator on the same machine.
${settings.duration} s at ${settings.connections} connections per run, after a ${settings.warmup} s warm-up, cycling through ${runs[0].urls} public URLs (lists, details by documentId and by slug, English, Khmer, Khmer with English fallback, page 2, the global single type${runs[0].search ? ', search' : '; no search route in this build'}).

| run | requests | req/s | p50 ms | p99 ms | max ms | 2xx | 4xx | 5xx | errors | RSS before → after (after GC) MB | heap before → after (after GC) MB |
|---|---|---|---|---|---|---|---|---|---|---|---|
${runs.map((r) => `| ${r.label} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.s2xx} | ${r.s4xx} | ${r.s5xx} | ${r.errors} | ${mb(r.before.rss)} → ${mb(r.after.rss)} (${mb(r.after.rssAfterGc)}) | ${mb(r.before.heap)} → ${mb(r.after.heap)} (${mb(r.after.heapAfterGc)}) |`).join('\n')}

Target: zero 5xx and zero connection errors; heap after GC back near where it started.
`
  );
  if (runs.some((r) => r.s5xx > 0 || r.errors > 0)) {
    log('FAILED: 5xx answers or connection errors under load');
    process.exit(1);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
