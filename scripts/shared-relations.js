// @ts-check
// `npm run shared-relations`: lists the documents whose locales disagree on a shared relation
// (a link one locale has and another lacks although the related document has a version there, or
// another order); `-- --repair` sets each to the default locale's links. Pending links (to a
// document not yet translated) are not drift. Exits 0 either way; prints one line per relation.
'use strict';

const { parseArgs } = require('node:util');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const { values } = parseArgs({ options: { repair: { type: 'boolean', default: false } } });
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await app.load();
  try {
    const service = app.plugin('translations').service('shared-relations');
    const drift = await service.drift({ repair: values.repair });
    for (const item of drift) console.log(`${values.repair ? 'repaired' : 'drift'}: ${service.describe(item)}`);
    const documents = new Set(drift.map((/** @type {{ uid: string, documentId: string }} */ item) => `${item.uid}/${item.documentId}`)).size;
    console.log(
      `shared relations: ${drift.length === 0 ? 'every document links the same in all its locales' : `${drift.length} relations of ${documents} documents ${values.repair ? 'repaired' : 'differ (run with --repair to repair them)'}`}`
    );
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
