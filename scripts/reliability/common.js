// @ts-check
// Shared by the reliability scripts: the data set, the server process, the URL mix, the report.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

/** @param {string} name @param {number} fallback */
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/**
 * Boots the app once on the configured database (loading the demo content on a first start),
 * runs `work` with it, and stops it.
 * @template T @param {(app: import('@strapi/strapi').Core.Strapi) => Promise<T>} work @returns {Promise<T>}
 */
const withApp = async (work) => {
  const appContext = await compileStrapi({ appDir: root, ignoreDiagnostics: true });
  const app = createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  try {
    return await work(app);
  } finally {
    await app.destroy();
  }
};

/**
 * The public traffic mix: lists and details of every collection type in English and Khmer, with
 * and without locale fallback, the global single type, and pagination. Add a line to add a kind
 * of request.
 * @param {import('@strapi/strapi').Core.Strapi} app
 */
const publicUrls = async (app) => {
  /** @type {string[]} */
  const urls = ['/api/global?locale=en', '/api/global?locale=km&fallbackLocale=en'];
  const types = Object.values(app.contentTypes).filter((type) => type.uid.startsWith('api::') && type.kind === 'collectionType');
  for (const type of types) {
    const route = `/api/${type.info.pluralName}`;
    urls.push(`${route}?locale=en`, `${route}?locale=km`, `${route}?locale=km&fallbackLocale=en`, `${route}?locale=en&pagination[pageSize]=5&pagination[page]=2`);
    const documents = await app.documents(/** @type {any} */ (type.uid)).findMany({ locale: 'en', status: 'published', limit: 3 });
    for (const document of documents) {
      urls.push(`${route}/${document.documentId}?locale=en`, `${route}/${document.documentId}?locale=km&fallbackLocale=en`);
      if (document.slug) urls.push(`${route}?locale=km&filters[slug][$eq]=${document.slug}`);
    }
  }
  return urls;
};

/** Site search, when the application has it (GET /api/search). @param {string} base */
const searchUrls = async (base) => {
  const probe = await fetch(`${base}/api/search?q=water&locale=en`);
  return probe.status === 404 ? [] : ['/api/search?q=water&locale=en', '/api/search?q=housing&locale=en', '/api/search?q=ទឹក&locale=km'];
};

/**
 * Starts scripts/serve.js (the production server without the admin panel) in its own process.
 * @param {Record<string, string>} env @param {string[]} [nodeArgs]
 * @returns {Promise<{ url: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
const startServer = (env, nodeArgs = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'scripts', 'serve.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match && !output.slice(0, match.index).includes('listening')) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          pid: /** @type {number} */ (child.pid),
          output: () => output,
          stop: () => new Promise((done) => { child.on('exit', () => done()); child.kill('SIGTERM'); }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

/** Resident memory of a process, in MB. @param {number} pid */
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Replaces the block between `<!-- NAME: written by SCRIPT -->` and `<!-- /NAME -->` in
 * docs/reliability.md, keeping everything written around it by hand.
 * @param {string} name @param {string} script @param {string} text
 */
const writeSection = (name, script, text) => {
  const file = path.join(root, 'docs', 'reliability.md');
  const start = `<!-- ${name}: written by ${script} -->`;
  const end = `<!-- /${name} -->`;
  const block = `${start}\n${text.trimEnd()}\n${end}`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Reliability\n';
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  fs.writeFileSync(file, from >= 0 && to > from ? existing.slice(0, from) + block + existing.slice(to + end.length) : `${existing.trimEnd()}\n\n${block}\n`);
};

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

module.exports = { root, log, option, withApp, publicUrls, searchUrls, startServer, rssMb, writeSection, quantile };
