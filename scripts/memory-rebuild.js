// @ts-check
// `npm run memory:rebuild`: rebuilds the translation memory from all translated content, showing
// its progress. Writes keep it current; this is for a memory that was lost or a changed segmenter.
'use strict';

const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await app.load();
  try {
    const started = Date.now();
    /** @type {number} */
    const documents = await app.plugin('translations').service('memory').rebuild((/** @type {string} */ message) => console.log(message));
    const entries = await app.db.query(/** @type {any} */ ('plugin::translations.memory-entry')).count();
    console.log(`translation memory: ${entries} entries from ${documents} translated documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
