// @ts-check
// `npm run repair:shared-fields`: finds documents whose locales disagree on a shared field (slug,
// years, codes, media…), repairs them from the most recently published value of the default
// locale and prints one line per document. Every start does the same check.
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  // The start-up check runs inside load() and logs what it repairs; this run prints it too.
  await app.load();
  try {
    const { repairSplitSharedFields } = require(path.join(distDir, 'src', 'bootstrap', 'shared-fields'));
    const repairs = await repairSplitSharedFields(app, (/** @type {string} */ line) => console.log(line));
    console.log(`shared fields: ${repairs.length === 0 ? 'every document agrees in all its locales' : `${repairs.length} documents repaired`}`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
