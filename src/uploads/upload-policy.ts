import fs from 'fs/promises';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface UploadPolicy {
  allowedTypes: string[];
  maxFileSize: number;
  maxImageDimension: number;
}

/** A file as the upload service receives it (formidable). */
interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
  detectedMimeType?: string;
}

const SHARP_FORMATS: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heif: 'image/heif',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
};

// SVG is recognised so that it can be named in the refusal, but may never be allowed: it carries script.
const ALLOWABLE = new Set([...Object.values(SHARP_FORMATS).filter((mime) => mime !== 'image/svg+xml'), 'application/pdf']);

/** What the file's bytes are, whatever name and type the client gave it; undefined when unrecognised. */
const sniff = async (filepath: string): Promise<{ mime: string; width?: number; height?: number } | undefined> => {
  const handle = await fs.open(filepath, 'r');
  const head = Buffer.alloc(5);
  try {
    await handle.read(head, 0, 5, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') === '%PDF-') return { mime: 'application/pdf' };
  try {
    const { format, width, height } = await sharp(filepath, { limitInputPixels: false }).metadata();
    const mime = format && SHARP_FORMATS[format];
    return mime ? { mime, width, height } : undefined;
  } catch {
    return undefined;
  }
};

const check = async (file: IncomingFile, policy: UploadPolicy): Promise<void> => {
  const name = file.originalFilename ?? 'file';
  if (file.size > policy.maxFileSize) {
    throw new errors.PayloadTooLargeError(`${name} is larger than ${policy.maxFileSize} bytes.`);
  }
  const content = await sniff(file.filepath);
  if (!content || !policy.allowedTypes.includes(content.mime)) {
    throw new errors.ValidationError(
      `${name}: ${content ? `files of type ${content.mime}` : 'files whose content is not recognised'} cannot be uploaded. ` +
        `Allowed: ${policy.allowedTypes.join(', ')}.`
    );
  }
  const { width = 0, height = 0 } = content;
  if (width > policy.maxImageDimension || height > policy.maxImageDimension) {
    throw new errors.ValidationError(
      `${name} is ${width}×${height} pixels; images may be at most ${policy.maxImageDimension} pixels wide and high.`
    );
  }
  // Stored and served as what it is, not as what the client declared.
  file.detectedMimeType = content.mime;
};

type UploadService = Record<string, unknown> & {
  upload(args: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, args: { data: unknown; file: IncomingFile }, opts?: unknown): Promise<unknown>;
};

/**
 * The one gate every upload passes, content API and admin panel alike (both call the upload
 * service): Strapi's own type check trusts the file name or declared type when it cannot
 * recognise the content, so an SVG or HTML page named `.png` gets in. Here the bytes decide, and
 * only types we can recognise (images and PDF) can be allowed. Runs before anything is stored.
 */
export const enforceUploadPolicy = (strapi: Core.Strapi): void => {
  const policy = strapi.config.get<UploadPolicy>('security.uploads');
  const unknown = policy.allowedTypes.filter((mime) => !ALLOWABLE.has(mime));
  if (unknown.length > 0) {
    throw new Error(`UPLOAD_ALLOWED_TYPES: ${unknown.join(', ')} cannot be allowed; choose from ${[...ALLOWABLE].join(', ')}`);
  }
  const services = strapi.get('services') as { extend(uid: string, wrap: (service: UploadService) => UploadService): void };

  services.extend('plugin::upload.upload', (service) => ({
    ...service,
    async upload(args, opts) {
      for (const file of Array.isArray(args.files) ? args.files : [args.files]) await check(file, policy);
      return service.upload(args, opts);
    },
    async replace(id, args, opts) {
      await check(args.file, policy);
      return service.replace(id, args, opts);
    },
  }));
};
