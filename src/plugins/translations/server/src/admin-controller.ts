import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminAccess } from './access';
import { confirmStatus, findStatus } from './status';
import {
  XliffAccessError,
  XliffError,
  XliffTooLargeError,
  checkXliffSize,
  decodeXliff,
  exportXliff,
  formatBytes,
  importXliff,
  xliffMaxFileSize,
} from './xliff/service';

type UploadedFile = { filepath: string; size: number };
type Context = {
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[] | undefined> };
  state: { userAbility?: unknown };
  body: unknown;
  set: (name: string, value: string) => void;
};

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The XLIFF service's errors as HTTP answers: 403 for the role, 413 for the size, 400 for the file. */
const httpError = (error: unknown): unknown => {
  if (!(error instanceof XliffError)) return error;
  const [message] = error.message.split('\n');
  const details = { problems: error.problems };
  if (error instanceof XliffAccessError) return new errors.PolicyError(message, details);
  if (error instanceof XliffTooLargeError) return new errors.PayloadTooLargeError(message, details);
  return new errors.ValidationError(message, details);
};

/**
 * The admin panel's routes (/translations/…). Each obeys the signed-in administrator's role as
 * the content manager does (access.ts): what they may read in which locale, what they may edit.
 */
export const adminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: Context) {
    ctx.body = await findStatus(strapi, ctx.query, adminAccess(strapi, ctx.state.userAbility));
  },

  async stillCorrect(ctx: Context) {
    ctx.body = await confirmStatus(strapi, ctx.request.body, adminAccess(strapi, ctx.state.userAbility));
  },

  /** What the Translations page needs to know before an upload. */
  settings(ctx: Context) {
    const limit = xliffMaxFileSize(strapi);
    ctx.body = { data: { xliffMaxFileSize: limit, xliffMaxFileSizeLabel: formatBytes(limit) } };
  },

  async exportXliff(ctx: Context) {
    const locale = asString(ctx.query.locale);
    if (!locale) throw new errors.ValidationError('locale is required (the language to translate into)', { key: 'locale' });
    const status = (asString(ctx.query.status) ?? 'all') as 'missing' | 'outdated' | 'all';
    const type = asString(ctx.query.type);
    try {
      const result = await exportXliff(strapi, {
        locale,
        status,
        type,
        documentId: asString(ctx.query.document),
        access: adminAccess(strapi, ctx.state.userAbility),
      });
      const name = `habitat-${locale}-${type ?? 'all'}-${status}-${new Date().toISOString().slice(0, 10)}.xlf`;
      ctx.set('Content-Type', 'application/x-xliff+xml; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="${name}"`);
      ctx.set('X-Xliff-Removed-Characters', String(result.removedCharacters));
      ctx.body = result.xml;
    } catch (error) {
      throw httpError(error);
    }
  },

  /** multipart/form-data with the file in the field "files" (as Strapi's own uploads): JSON bodies stop at 1 MB. */
  async importXliff(ctx: Context) {
    const file = ctx.request.files?.files;
    if (!file || Array.isArray(file)) {
      throw new errors.ValidationError('Send one XLIFF file as multipart/form-data, in the field "files"', { key: 'files' });
    }
    try {
      checkXliffSize(strapi, file.size);
      const xml = decodeXliff(await fs.promises.readFile(file.filepath));
      ctx.body = { data: await importXliff(strapi, xml, { access: adminAccess(strapi, ctx.state.userAbility) }) };
    } catch (error) {
      throw httpError(error);
    }
  },
});
