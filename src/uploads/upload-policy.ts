import fs from 'fs/promises';
import sharp from 'sharp';
import { importEsm } from './esm-import';
import { activePdfContent } from './pdf-active-content';
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

// What may be put in UPLOAD_ALLOWED_TYPES: images browsers display and PDF.
const ALLOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff', 'application/pdf']);

// Recognised, so that a refusal names them, but never allowed: browsers other than Safari cannot
// show HEIC/HEIF and our image library cannot decode it (no HEVC); SVG and XML can carry script.
const NEVER: Record<string, string> = {
  'image/heic': 'convert it to JPEG or AVIF',
  'image/heif': 'convert it to JPEG or AVIF',
  'image/heic-sequence': 'convert it to JPEG or AVIF',
  'image/heif-sequence': 'convert it to JPEG or AVIF',
  'application/xml': 'SVG and XML files can carry script',
};

type FileType = typeof import('file-type');
let fileType: Promise<FileType> | undefined;

type Content = { mime: string; width?: number; height?: number; active?: string[]; unreadable?: true };

/**
 * What the file's bytes are, whatever name and type the client gave it (file-type, as Strapi's own
 * check uses); undefined when unrecognised (HTML, SVG, script and plain text all are). sharp must
 * also read an image (else `unreadable`), and gives its dimensions; a PDF is searched for script.
 */
export const contentOf = async (filepath: string): Promise<Content | undefined> => {
  fileType ??= importEsm<FileType>('file-type');
  const detected = await (await fileType).fileTypeFromFile(filepath);
  if (!detected) return undefined;
  const { mime } = detected;
  if (mime === 'application/pdf') return { mime, active: activePdfContent(await fs.readFile(filepath)) };
  if (!mime.startsWith('image/') || mime in NEVER) return { mime };
  try {
    const { width, height } = await sharp(filepath, { limitInputPixels: false }).metadata();
    return { mime, width, height };
  } catch {
    return { mime, unreadable: true };
  }
};

const refusal = (name: string, content: Content | undefined, policy: UploadPolicy): string => {
  if (!content) return `${name}: files whose content is not recognised cannot be uploaded. Allowed: ${policy.allowedTypes.join(', ')}.`;
  const why = NEVER[content.mime];
  return `${name}: files of type ${content.mime} cannot be uploaded${why ? ` (${why})` : ''}. Allowed: ${policy.allowedTypes.join(', ')}.`;
};

const check = async (file: IncomingFile, policy: UploadPolicy): Promise<Content> => {
  const name = file.originalFilename ?? 'file';
  if (file.size > policy.maxFileSize) {
    throw new errors.PayloadTooLargeError(`${name} is larger than ${policy.maxFileSize} bytes.`);
  }
  const content = await contentOf(file.filepath);
  if (!content || !policy.allowedTypes.includes(content.mime)) throw new errors.ValidationError(refusal(name, content, policy));
  if (content.unreadable) throw new errors.ValidationError(`${name}: this ${content.mime} image cannot be read (damaged?).`);
  if (content.active?.length) {
    throw new errors.ValidationError(
      `${name} contains active content (${content.active.map((entry) => `/${entry}`).join(', ')}): PDFs with scripts or actions ` +
        'cannot be uploaded. Save or print it to PDF again without them.'
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
  return content;
};

type StoredFile = { id: number; mime: string; width?: number | null; height?: number | null };

// Strapi measures only the images whose sharp format is in its own list; sharp calls AVIF `heif`,
// so Strapi stores AVIF without width and height (and a replaced file keeps the old ones).
const UNMEASURED_BY_STRAPI = new Set(['image/avif']);

/** The width and height of what was stored, from our own reading, where Strapi has none. */
const withDimensions = async (strapi: Core.Strapi, stored: StoredFile, content: Content): Promise<StoredFile> => {
  const { width, height } = content;
  if (!UNMEASURED_BY_STRAPI.has(content.mime) || !width || !height) return stored;
  if (stored.width === width && stored.height === height) return stored;
  await strapi.db.query('plugin::upload.file').update({ where: { id: stored.id }, data: { width, height } });
  return { ...stored, width, height };
};

type UploadService = Record<string, unknown> & {
  upload(args: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<StoredFile[]>;
  replace(id: unknown, args: { data: unknown; file: IncomingFile }, opts?: unknown): Promise<StoredFile>;
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
      const contents: Content[] = [];
      for (const file of Array.isArray(args.files) ? args.files : [args.files]) contents.push(await check(file, policy));
      // Stored in the order given.
      const stored = await service.upload(args, opts);
      return Promise.all(stored.map((file, index) => withDimensions(strapi, file, contents[index])));
    },
    async replace(id, args, opts) {
      const content = await check(args.file, policy);
      return withDimensions(strapi, await service.replace(id, args, opts), content);
    },
  }));
};
