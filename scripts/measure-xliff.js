// @ts-check
// `node scripts/measure-xliff.js [COUNT]`: measures the XLIFF export and import of COUNT (1,000)
// generated project documents, on a throw-away SQLite database (.tmp/measure-xliff.db), or on
// PostgreSQL with DATABASE_CLIENT=postgres and a DATABASE_URL of a scratch database.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { databaseIdle } = require('./database-idle');

const count = Number(process.argv[2] ?? 1000);
const random = () => crypto.randomBytes(16).toString('hex');

/** @param {string} value @param {Record<string, boolean>} [marks] @returns {{ type: 'text'; text: string }} */
const text = (value, marks = {}) => ({ type: /** @type {const} */ ('text'), text: value, ...marks });

const main = async () => {
  const appDir = path.resolve(__dirname, '..');
  process.env.SEED_DEMO = 'false';
  process.env.DATABASE_CLIENT ??= 'sqlite';
  if (process.env.DATABASE_CLIENT === 'sqlite') {
    process.env.DATABASE_FILENAME = '.tmp/measure-xliff.db';
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(appDir, '.tmp', `measure-xliff.db${suffix}`), { force: true });
  }
  process.env.APP_KEYS ??= [random(), random()].join(',');
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) process.env[name] ??= random();

  const { distDir = `${appDir}/dist` } = await compileStrapi({ appDir, ignoreDiagnostics: true });
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  const xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
  const projects = app.documents('api::project.project');
  try {
    let started = Date.now();
    for (let i = 0; i < count; i += 1) {
      await projects.create(/** @type {any} */ ({
        locale: 'en',
        status: 'published',
        data: {
          title: `Generated project ${i}`,
          slug: `generated-project-${i}`,
          projectStatus: 'ongoing',
          location: 'Phnom Penh',
          summary: `Summary of generated project ${i}: communities improve their settlements with the municipality.`,
          background: [
            { type: 'paragraph', children: [text('Communities '), text('choose', { bold: true }), text(' the works; see the '), { type: 'link', url: 'https://example.org', children: [text('report')] }, text('.')] },
            { type: 'heading', level: 3, children: [text('Results')] },
            { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Water')] }, { type: 'list-item', children: [text('Drains')] }] },
          ],
          keyFigures: [{ value: 160, label: 'community organisations', qualifier: 'more-than' }],
        },
      }));
    }
    const created = Date.now() - started;

    started = Date.now();
    const exported = await xliff.exportXliff(app, { locale: 'km', type: 'project', status: 'missing' });
    const exportMs = Date.now() - started;

    /** @type {string} */
    const translated = exported.xml.replace(
      /<source>([\s\S]*?)<\/source>(\s*)<target state="needs-translation"><\/target>/g,
      (/** @type {string} */ _all, /** @type {string} */ source, /** @type {string} */ space) =>
        `<source>${source}</source>${space}<target state="translated">${source.replace(/(^|>)([^<]+)(?=<|$)/g, '$1ខ្មែរ $2')}</target>`
    );
    started = Date.now();
    const summary = await xliff.importXliff(app, translated);
    const importMs = Date.now() - started;

    // With the translations in the targets: as drafts (state translated), then published (approved, final).
    // Each after the entry events of the writes before it (they read the database after the commit).
    await databaseIdle(app);
    started = Date.now();
    const withDrafts = await xliff.exportXliff(app, { locale: 'km', type: 'project', status: 'all' });
    const draftsMs = Date.now() - started;

    for (const { documentId } of await projects.findMany(/** @type {any} */ ({ locale: 'en', fields: ['documentId'], limit: count }))) {
      await projects.publish(/** @type {any} */ ({ documentId, locale: 'km' }));
    }
    await databaseIdle(app);
    started = Date.now();
    const withPublished = await xliff.exportXliff(app, { locale: 'km', type: 'project', status: 'all' });
    const publishedMs = Date.now() - started;
    const approved = (withPublished.xml.match(/ approved="yes"/g) ?? []).length;

    const client = process.env.DATABASE_CLIENT;
    console.log(`${client}: created ${count} English projects in ${(created / 1000).toFixed(1)} s`);
    console.log(
      `${client}: export ${exported.documents} documents, ${exported.units} units, ${(exported.xml.length / 1024 / 1024).toFixed(1)} MB: ${(exportMs / 1000).toFixed(1)} s`
    );
    console.log(`${client}: import ${summary.documents} documents (${summary.created} Khmer drafts created), ${summary.units} units: ${(importMs / 1000).toFixed(1)} s`);
    console.log(`${client}: export with the Khmer drafts in the targets, ${withDrafts.units} units: ${(draftsMs / 1000).toFixed(1)} s`);
    console.log(`${client}: export with the Khmer versions published, ${approved} of ${withPublished.units} units approved: ${(publishedMs / 1000).toFixed(1)} s`);
  } finally {
    await databaseIdle(app);
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
