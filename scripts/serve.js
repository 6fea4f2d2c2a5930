// @ts-check
// Runs the compiled server in its own process, as the tests' second instance and the benchmark's
// server do (without the admin panel), and the end-to-end tests' server (`--admin`: with the built
// admin panel from `npm run build`). Prints "listening <port>" once it answers.
'use strict';

const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

const main = async () => {
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: process.argv.includes('--admin') });
  app.log.level = 'error';
  await app.start();
  const address = app.server.httpServer.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
  // Started with --expose-gc (npm run reliability:load), SIGUSR2 prints the memory in use, collects
  // garbage and prints it again: "memory <rss> <heapUsed> <rss after GC> <heapUsed after GC>".
  const gc = /** @type {(() => void) | undefined} */ (global.gc);
  if (gc) {
    process.on('SIGUSR2', () => {
      const before = process.memoryUsage();
      gc();
      const after = process.memoryUsage();
      process.stdout.write(`memory ${before.rss} ${before.heapUsed} ${after.rss} ${after.heapUsed}\n`);
    });
  }
  process.on('SIGTERM', () => {
    app.destroy().finally(() => process.exit(0));
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
