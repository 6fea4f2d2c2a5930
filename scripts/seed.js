// @ts-check
// `npm run seed`: loads the demo content now, whatever the automatic first-start load did before.
// Idempotent: adds only the documents and translations that are missing, never overwrites.
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  // The explicit load below replaces the automatic one that bootstrap would otherwise run.
  process.env.SEED_DEMO = 'false';
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi();
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await app.load();
  try {
    const { seedDemoContent } = require(path.join(distDir, 'src', 'bootstrap', 'demo-content'));
    await seedDemoContent(app);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
