// @ts-check
// `npm run xliff -- export --locale km --out FILE [--type project] [--status missing|outdated|all] [--document ID]`
// `npm run xliff -- import FILE`
// `npm run xliff -- tm-export --out FILE.tmx [--locale km] [--status published|all]`
// Exports the English text to translate as XLIFF 1.2 (for OmegaT, Trados, memoQ…), and imports the
// translated file back as Khmer drafts (never published), all or nothing.
'use strict';

const fs = require('fs');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { databaseIdle } = require('./database-idle');

const USAGE = `Usage:
  npm run xliff -- export --locale km --out FILE [--type project] [--status missing|outdated|all] [--document ID]
  npm run xliff -- import FILE
  npm run xliff -- tm-export --out FILE.tmx [--locale km] [--status published|all]`;

/** @param {string[]} args */
const parseArgs = (args) => {
  const [command, ...rest] = args;
  /** @type {Record<string, string>} */
  const options = {};
  const positional = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=');
      const value = inline ?? rest[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`--${name} needs a value\n${USAGE}`);
      if (inline === undefined) i += 1;
      options[name] = value;
    } else {
      positional.push(arg);
    }
  }
  return { command, options, positional };
};

/** @param {string} message */
const progress = (message) => process.stderr.write(`${message}\n`);

const main = async () => {
  const { command, options, positional } = parseArgs(process.argv.slice(2));
  if (command === 'export') {
    const unknown = Object.keys(options).filter((name) => !['locale', 'out', 'type', 'status', 'document'].includes(name));
    if (unknown.length > 0 || !options.locale || !options.out || positional.length > 0) throw new Error(USAGE);
  } else if (command === 'tm-export') {
    const unknown = Object.keys(options).filter((name) => !['out', 'locale', 'status'].includes(name));
    if (unknown.length > 0 || !options.out || positional.length > 0) throw new Error(USAGE);
  } else if (command === 'import') {
    if (positional.length !== 1 || Object.keys(options).length > 0) throw new Error(USAGE);
    if (!fs.existsSync(positional[0])) throw new Error(`No such file: ${positional[0]}`);
  } else {
    throw new Error(USAGE);
  }

  process.env.SEED_DEMO ??= 'false';
  const { appDir, distDir = `${appDir}/dist` } = await compileStrapi({ ignoreDiagnostics: true });
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  const xliff = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'xliff', 'service'));
  const started = Date.now();
  try {
    if (command === 'export') {
      const result = await xliff.exportXliff(app, {
        locale: options.locale,
        type: options.type,
        status: options.status,
        documentId: options.document,
        onProgress: progress,
      });
      fs.writeFileSync(options.out, result.xml);
      progress(`Exported ${result.units} units of ${result.documents} documents to ${options.out} (${Date.now() - started} ms)`);
      if (result.removedCharacters > 0) {
        progress(`Left out ${result.removedCharacters} characters that XML cannot carry (control characters); each document concerned says so in a <note>`);
      }
    } else if (command === 'tm-export') {
      const tmx = require(path.join(distDir, 'src', 'plugins', 'translations', 'server', 'src', 'memory', 'tmx'));
      const result = await tmx.exportTmx(app, { locale: options.locale, status: options.status });
      fs.writeFileSync(options.out, result.xml);
      progress(`Exported ${result.units} translation memory entries to ${options.out} as TMX 1.4b (${Date.now() - started} ms)`);
    } else {
      // The same limit as the Translations page's upload (XLIFF_MAX_FILE_SIZE), checked before reading the file.
      xliff.checkXliffSize(app, fs.statSync(positional[0]).size);
      const summary = await xliff.importXliff(app, xliff.decodeXliff(fs.readFileSync(positional[0])), { onProgress: progress });
      for (const note of summary.notes) progress(`note: ${note}`);
      for (const warning of summary.olderSource) progress(`outdated: ${warning}`);
      progress(
        `Imported ${summary.units} units into ${summary.documents} ${summary.locale} drafts: ${summary.created} created, ` +
          `${summary.updated} updated, ${summary.skipped} units skipped (${Date.now() - started} ms). Nothing was published.`
      );
    }
  } finally {
    await databaseIdle(app);
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
