// @ts-check
// `npm run search:reindex`: rebuilds the search index from the published content, showing its
// progress. A start also rebuilds it when it is empty or was built by another version of the code.
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await app.load();
  try {
    const { rebuildIndex } = require(path.join(distDir, 'src', 'search', 'indexer'));
    const started = Date.now();
    /** @type {number} */
    const total = await rebuildIndex(app, (/** @type {string} */ message) => console.log(message));
    console.log(`search index: ${total} published versions indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
