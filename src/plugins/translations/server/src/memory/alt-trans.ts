import type { Core } from '@strapi/strapi';
import { escapeText } from '../xliff/xml';
import { lookupMemory } from './lookup';

/**
 * The translation memory in XLIFF exports: each unit's matches from other documents as
 * `<alt-trans match-quality="87%" origin="habitat-cms-tm">`, which translation tools (OmegaT,
 * Trados, memoQ) show as suggestions. Only published translations (as in the side panel).
 */

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
/** A unit's XLIFF inline source as plain text: tags dropped, entities resolved. */
const plain = (inline: string): string => inline.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity]);

/** Per unit, the `<alt-trans>` elements to put in it ('' for none). */
export const altTransFor = async (
  strapi: Core.Strapi,
  {
    locale,
    contentType,
    documentId,
    sources,
    indent,
    readable,
  }: { locale: string; contentType: string; documentId: string; sources: string[]; indent: string; readable?: (contentType: string) => boolean }
): Promise<string[]> => {
  const matches = await lookupMemory(strapi, { targetLocale: locale, texts: sources.map(plain), exclude: { contentType, documentId }, readable });
  return matches.map((unitMatches) =>
    unitMatches
      .map((match) =>
        [
          `${indent}  <alt-trans match-quality="${match.score}%" origin="habitat-cms-tm">`,
          `${indent}    <source>${escapeText(match.sourceText)}</source>`,
          `${indent}    <target xml:lang="${locale}">${escapeText(match.targetText)}</target>`,
          `${indent}  </alt-trans>`,
        ].join('\n')
      )
      .join('\n')
  );
};

/** A unit's XML with its alternatives before the closing tag. */
export const withAltTrans = (unitXml: string, altTrans: string): string => {
  if (!altTrans) return unitXml;
  const end = unitXml.lastIndexOf('</trans-unit>');
  const lineStart = unitXml.lastIndexOf('\n', end) + 1;
  return `${unitXml.slice(0, lineStart)}${altTrans}\n${unitXml.slice(lineStart)}`;
};
