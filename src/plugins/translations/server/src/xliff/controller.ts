import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeCodes, localizedApiTypes } from '../locales';
import { exportXliff, importXliff, XliffError } from './service';

type Context = {
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { userAbility?: unknown };
  body: unknown;
  set: (name: string, value: string) => void;
};

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Admin routes of the Translations page: download (GET /translations/xliff) and upload (POST /translations/xliff). */
export const xliffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(ctx: Context) {
    const locale = asString(ctx.query.locale) ?? 'km';
    const status = (asString(ctx.query.status) ?? 'all') as 'missing' | 'outdated' | 'all';
    try {
      const result = await exportXliff(strapi, { locale, status, type: asString(ctx.query.type), documentId: asString(ctx.query.document) });
      const name = `habitat-${locale}-${asString(ctx.query.type) ?? 'all'}-${status}-${new Date().toISOString().slice(0, 10)}.xlf`;
      ctx.set('Content-Type', 'application/x-xliff+xml; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="${name}"`);
      ctx.body = result.xml;
    } catch (error) {
      if (error instanceof XliffError) throw new errors.ValidationError(error.message, { problems: error.problems });
      throw error;
    }
  },

  /** Body: { "xliff": "<?xml …" }. The signed-in administrator must be allowed to edit every type in the file, in its locale. */
  async import(ctx: Context) {
    const body = ctx.request.body as { xliff?: unknown } | undefined;
    if (typeof body?.xliff !== 'string' || body.xliff.trim() === '') {
      throw new errors.ValidationError('Send the XLIFF file as { "xliff": "<?xml …" }');
    }
    const xml = body.xliff;
    const locale = /target-language="([^"]+)"/.exec(xml)?.[1];
    const checker = strapi.plugin('content-manager').service('permission-checker');
    // An unknown language is for the import to explain (400); a known one needs the right to edit it.
    const types = locale && (await localeCodes(strapi)).includes(locale) ? localizedApiTypes(strapi) : [];
    for (const uid of types.filter((candidate) => xml.includes(`original="${candidate}/`))) {
      if (checker.create({ userAbility: ctx.state.userAbility, model: uid }).cannot.update({ locale })) {
        throw new errors.PolicyError(`You may not edit ${uid.split('.').pop()} in the locale "${locale}"`);
      }
    }
    try {
      ctx.body = { data: await importXliff(strapi, xml) };
    } catch (error) {
      if (error instanceof XliffError) throw new errors.ValidationError(error.message.split('\n')[0], { problems: error.problems });
      throw error;
    }
  },
});
