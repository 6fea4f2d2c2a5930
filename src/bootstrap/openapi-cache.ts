import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * Strapi serves GET /api/openapi.json from a cache file, because generating the document takes
 * seconds of CPU. The document changes only with the content model, so the cache is kept until
 * the model (or Strapi) changes, and is dropped at start-up when it does.
 */
export const dropStaleOpenApiCache = (strapi: Core.Strapi): void => {
  const cacheFile = strapi.config.get<string | undefined>('server.openapi.content-api.cache.filePath');
  if (!cacheFile) return;
  const absolute = path.resolve(strapi.dirs.app.root, cacheFile);
  const fingerprintFile = `${absolute}.fingerprint`;

  const fingerprint = crypto
    .createHash('sha256')
    .update(JSON.stringify([strapi.config.get('info.strapi'), strapi.contentTypes, strapi.components]))
    .digest('hex');
  const previous = fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, 'utf8') : null;
  if (previous === fingerprint) return;

  fs.rmSync(absolute, { force: true });
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(fingerprintFile, fingerprint);
};
