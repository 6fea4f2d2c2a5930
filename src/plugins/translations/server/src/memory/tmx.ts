import type { Core } from '@strapi/strapi';
import { targetLocales } from '../locales';
import { MEMORY_UID } from './store';
import { escapeAttribute, escapeText, withoutNonXmlCharacters } from '../xliff/xml';

/**
 * The translation memory as TMX 1.4b, the exchange format of translation memories (OmegaT, Trados,
 * memoQ, translate-toolkit's tmx2po read it): `npm run xliff -- tm-export --out FILE.tmx`.
 * One <tu> per pair of source text and translation; where it comes from (type, document, field
 * path) in <prop type="x-…">, as TMX 1.4b wants user-defined properties named.
 */


export type TmxEntry = {
  sourceLocale: string;
  targetLocale: string;
  sourceText: string;
  targetText: string;
  contentType: string;
  entryDocumentId: string;
  path: string;
  published: boolean;
  updatedAt?: string | Date | null;
};

// XML 1.0 cannot carry most C0 control characters, not even as references: they are left out.
const text = (value: string) => escapeText(withoutNonXmlCharacters(value).text);

/** 2026-11-27T10:47:06.000Z → 20261127T104706Z (TMX dates). */
const tmxDate = (value: string | Date): string => new Date(value).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export const toTmx = (entries: TmxEntry[], options: { sourceLocale: string; createdAt?: Date }): string => {
  const units = entries.map((entry) =>
    [
      `    <tu${entry.updatedAt ? ` changedate="${tmxDate(entry.updatedAt)}"` : ''}>`,
      `      <prop type="x-contentType">${text(entry.contentType)}</prop>`,
      `      <prop type="x-documentId">${text(entry.entryDocumentId)}</prop>`,
      `      <prop type="x-path">${text(entry.path)}</prop>`,
      `      <prop type="x-published">${entry.published ? 'yes' : 'no'}</prop>`,
      `      <tuv xml:lang="${escapeAttribute(entry.sourceLocale)}"><seg>${text(entry.sourceText)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeAttribute(entry.targetLocale)}"><seg>${text(entry.targetText)}</seg></tuv>`,
      '    </tu>',
    ].join('\n')
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Habitat CMS" creationtoolversion="1" segtype="paragraph" o-tmf="habitat-cms" adminlang="en" srclang="${escapeAttribute(options.sourceLocale)}" datatype="plaintext" creationdate="${tmxDate(options.createdAt ?? new Date())}"/>`,
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
};

export type TmxExportOptions = { locale?: string; status?: 'published' | 'all' };

/** The memory's entries (published translations only, unless status is `all`) as TMX. */
export const exportTmx = async (strapi: Core.Strapi, options: TmxExportOptions = {}): Promise<{ xml: string; units: number }> => {
  const { status = 'published' } = options;
  if (!['published', 'all'].includes(status)) throw new Error(`--status must be published or all (not "${status}")`);
  const where: Record<string, unknown> = {};
  if (options.locale !== undefined) {
    const locales = await targetLocales(strapi);
    if (!locales.includes(options.locale)) throw new Error(`"${options.locale}" is not a translation locale (use one of: ${locales.join(', ')})`);
    where.targetLocale = options.locale;
  }
  if (status === 'published') where.published = true;
  const entries: TmxEntry[] = [];
  for (let offset = 0; ; offset += 1000) {
    const rows: TmxEntry[] = await strapi.db.query(MEMORY_UID).findMany({ where, orderBy: { id: 'asc' }, offset, limit: 1000 });
    entries.push(...rows);
    if (rows.length < 1000) break;
  }
  const sourceLocale = entries[0]?.sourceLocale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
  return { xml: toTmx(entries, { sourceLocale }), units: entries.length };
};
