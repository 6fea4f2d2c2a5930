import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

const MIME_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

type UploadedFile = { id: number };

/**
 * Puts the seed's image and PDF files (database/seeds/media) into the media library, once each:
 * a file already in the library under the same name is reused.
 */
export const createMediaLibrary = (strapi: Core.Strapi, mediaDir: string) => {
  const known = new Map<string, Promise<number>>();

  const uploadOnce = async (relativePath: string): Promise<number> => {
    const filepath = path.join(mediaDir, relativePath);
    if (!fs.existsSync(filepath)) throw new Error(`Seed media file not found: ${relativePath}`);
    const name = relativePath.replace(/[\\/]/g, '-');

    const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
    if (existing) return existing.id as number;

    const mimetype = MIME_TYPES[path.extname(name).toLowerCase()];
    if (!mimetype) throw new Error(`Unsupported seed media type: ${relativePath}`);
    const [file] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name } },
        files: { filepath, originalFilename: name, mimetype, size: fs.statSync(filepath).size },
      })) as UploadedFile[];
    return file.id;
  };

  return {
    idOf(relativePath: string): Promise<number> {
      if (!known.has(relativePath)) known.set(relativePath, uploadOnce(relativePath));
      return known.get(relativePath)!;
    },
  };
};

export type MediaLibrary = ReturnType<typeof createMediaLibrary>;
