import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** The app's compiled code, where the routes' request and response schemas are (e.g. src/search/search-schema.ts). */
const codeFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory()) return entry.name === 'admin' ? [] : codeFiles(file);
          return /\.(js|json)$/.test(entry.name) ? [file] : [];
        })
    : [];

/**
 * Strapi serves GET /api/openapi.json from a cache file, because generating the document takes
 * seconds of CPU. The document changes only with the content model and the routes (their schemas
 * are in the app's code), so the cache is kept until those (or Strapi) change, and is dropped at
 * start-up when they do.
 */
export const dropStaleOpenApiCache = (strapi: Core.Strapi): void => {
  const cacheFile = strapi.config.get<string | undefined>('server.openapi.content-api.cache.filePath');
  if (!cacheFile) return;
  const absolute = path.resolve(strapi.dirs.app.root, cacheFile);
  const fingerprintFile = `${absolute}.fingerprint`;

  const hash = crypto.createHash('sha256').update(JSON.stringify([strapi.config.get('info.strapi'), strapi.contentTypes, strapi.components]));
  for (const file of codeFiles(strapi.dirs.dist.src)) hash.update(file).update(fs.readFileSync(file));
  const fingerprint = hash.digest('hex');
  const previous = fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, 'utf8') : null;
  if (previous === fingerprint) return;

  fs.rmSync(absolute, { force: true });
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(fingerprintFile, fingerprint);
};
