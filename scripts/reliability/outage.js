// @ts-check
// `npm run reliability:outage`: mixed public traffic while PostgreSQL goes away and comes back.
// Runs its own PostgreSQL cluster (never the shared server): initdb into --pgdata on first use,
// started on --port. Loads the demo content, writes a marker document, starts the production
// server with the response cache off (every request reaches the database), drives it for
// --duration seconds and, --stop-at seconds in, stops PostgreSQL (pg_ctl stop -m fast) for --down
// seconds and starts it again. Reports 2xx / 503 / other answers and connection errors, the longest
// answer while the database was down, the seconds from the database's return to the first
// successful answer and to the last 503, and whether everything written before the outage is still
// there. Writes the figures to docs/reliability.md; exits 1 on any answer other than 2xx or 503,
// an answer slower than 10 s, no recovery, or missing data.
// Options: --duration S (45) --connections N (64) --stop-at S (10) --down S (10) --port P (5499)
//          --pgdata DIR (/tmp/pgfault) --pgbin DIR (/usr/lib/postgresql/15/bin) --os-user U (postgres)
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { log, option, withApp, publicUrls, startServer, writeSection } = require('./common');

const textOption = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const settings = {
  duration: option('duration', 45),
  connections: option('connections', 64),
  stopAt: option('stop-at', 10),
  down: option('down', 10),
  port: option('port', 5499),
  pgdata: textOption('pgdata', '/tmp/pgfault'),
  pgbin: textOption('pgbin', '/usr/lib/postgresql/15/bin'),
  osUser: textOption('os-user', 'postgres'),
};
const database = 'habitat_outage';
const url = `postgres://postgres@127.0.0.1:${settings.port}/${database}`;

/** Runs a PostgreSQL binary as the cluster's owner (root may not run the server). @param {string} binary @param {string[]} args */
const pg = (binary, args) => {
  const command = [`${settings.pgbin}/${binary}`, ...args];
  return process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', settings.osUser, '--', ...command], { encoding: 'utf8', cwd: '/tmp' })
    : execFileSync(command[0], command.slice(1), { encoding: 'utf8' });
};
const pgCtl = (/** @type {string[]} */ args) =>
  pg('pg_ctl', ['-D', settings.pgdata, '-o', `-p ${settings.port} -k /tmp -c listen_addresses=127.0.0.1`, '-l', `${settings.pgdata}.log`, '-w', ...args]);

const ensureCluster = async () => {
  if (!fs.existsSync(`${settings.pgdata}/PG_VERSION`)) {
    log(`Creating a private PostgreSQL cluster in ${settings.pgdata} (port ${settings.port})`);
    pg('initdb', ['-D', settings.pgdata, '-U', 'postgres', '--auth=trust']);
  }
  try {
    pg('pg_ctl', ['-D', settings.pgdata, 'status']);
  } catch {
    pgCtl(['start']);
  }
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${settings.port}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
};

/** Row counts of every table: what was written before the outage, to find again after it. */
const tableCounts = async () => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    /** @type {Record<string, number>} */
    const counts = {};
    for (const { table_name: table } of rows) counts[table] = Number((await client.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
    return counts;
  } finally {
    await client.end();
  }
};

const main = async () => {
  await ensureCluster();
  Object.assign(process.env, {
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO: 'true',
    PUBLIC_DIR: '.tmp/reliability-public',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: url,
  });
  fs.mkdirSync('.tmp/reliability-public/uploads', { recursive: true });
  log('Loading the demo content into the private cluster…');
  const { urls, marker } = await withApp(async (app) => {
    const created = await app.documents('api::project.project').create({
      locale: 'en',
      data: { title: 'Written before the outage', slug: `written-before-the-outage-${Date.now()}`, projectStatus: 'planned' },
      status: 'published',
    });
    return { urls: await publicUrls(app), marker: created };
  });
  const countsBefore = await tableCounts();

  const server = await startServer({ CACHE_ENABLED: 'false' });
  /** @type {Array<{ at: number, status: number, ms: number }>} */
  const answers = [];
  const started = Date.now();
  /** @type {(result: import('autocannon').Result) => void} */
  let done = () => {};
  /** @type {Promise<import('autocannon').Result>} */
  const finished = new Promise((resolve) => (done = resolve));
  const instance = autocannon(
    {
      url: server.url,
      connections: settings.connections,
      duration: settings.duration,
      timeout: 10,
      requests: urls.map((p) => ({ method: 'GET', path: encodeURI(p) })),
    },
    (error, result) => {
      if (error) throw error;
      done(result);
    }
  );
  instance.on('response', (_client, status, _bytes, ms) => answers.push({ at: Date.now(), status, ms }));

  await new Promise((resolve) => setTimeout(resolve, settings.stopAt * 1000));
  const downAt = Date.now();
  log(`${((downAt - started) / 1000).toFixed(1)} s: stopping PostgreSQL for ${settings.down} s`);
  pgCtl(['stop', '-m', 'fast']);
  await new Promise((resolve) => setTimeout(resolve, settings.down * 1000));
  pgCtl(['start']);
  const upAt = Date.now();
  log(`${((upAt - started) / 1000).toFixed(1)} s: PostgreSQL accepts connections again`);
  const result = await finished;
  await server.stop();
  // The server's own log (errors behind any 5xx other than 503), for a failed run.
  fs.writeFileSync('.tmp/reliability-outage-server.log', server.output());

  const during = answers.filter((a) => a.at >= downAt && a.at <= upAt);
  const firstOkAfter = answers.find((a) => a.at > upAt && a.status < 300);
  const last503 = [...answers].reverse().find((a) => a.status === 503);
  const count = (/** @type {(status: number) => boolean} */ test) => answers.filter((a) => test(a.status)).length;
  const countsAfter = await tableCounts();
  const client = new Client({ connectionString: url });
  await client.connect();
  const markerRows = (await client.query('SELECT title FROM projects WHERE document_id = $1', [marker.documentId])).rows;
  await client.end();
  const lost = Object.entries(countsBefore).filter(([table, n]) => (countsAfter[table] ?? 0) < n).map(([table]) => table);

  const figures = {
    total: answers.length,
    ok: count((s) => s >= 200 && s < 300),
    unavailable: count((s) => s === 503),
    other: count((s) => (s < 200 || s >= 300) && s !== 503),
    otherStatuses: answers
      .filter((a) => (a.status < 200 || a.status >= 300) && a.status !== 503)
      .map((a) => `${a.status} at ${((a.at - started) / 1000).toFixed(1)} s`)
      .join(', '),
    errors: result.errors + result.timeouts,
    duringCount: during.length,
    longestDuring: during.reduce((max, a) => Math.max(max, a.ms), 0),
    longestOverall: answers.reduce((max, a) => Math.max(max, a.ms), 0),
    firstOk: firstOkAfter ? (firstOkAfter.at - upAt) / 1000 : null,
    last503: last503 && last503.at > upAt ? (last503.at - upAt) / 1000 : 0,
    markerIntact: markerRows.length > 0 && markerRows.every((row) => row.title === 'Written before the outage'),
    lost,
  };
  log(JSON.stringify(figures, null, 2));

  writeSection(
    'outage',
    'npm run reliability:outage',
    `Made by \`npm run reliability:outage\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, a private PostgreSQL 15 cluster with the demo content, the production server with the response cache off (every request reaches the database), ${settings.connections} connections for ${settings.duration} s over ${urls.length} public URLs. PostgreSQL stopped (\`pg_ctl stop -m fast\`) ${settings.stopAt} s in and started again ${settings.down} s later.

| answers | 2xx | 503 | other | connection errors / timeouts | answers while down | longest answer while down | longest answer overall | first 2xx after the database is back | last 503 after it is back | data written before |
|---|---|---|---|---|---|---|---|---|---|---|
| ${figures.total} | ${figures.ok} | ${figures.unavailable} | ${figures.other}${figures.other ? ` (${figures.otherStatuses})` : ''} | ${figures.errors} | ${figures.duringCount} | ${figures.longestDuring.toFixed(0)} ms | ${figures.longestOverall.toFixed(0)} ms | ${figures.firstOk === null ? 'never' : `${figures.firstOk.toFixed(2)} s`} | ${figures.last503.toFixed(2)} s | ${figures.markerIntact && lost.length === 0 ? 'intact (marker document and every table’s row count)' : `LOST: ${lost.join(', ') || 'marker document'}`} |
`
  );
  const failed = figures.other > 0 || figures.longestOverall > 10000 || figures.firstOk === null || !figures.markerIntact || lost.length > 0;
  if (failed) {
    log('FAILED: see the figures above');
    process.exit(1);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
