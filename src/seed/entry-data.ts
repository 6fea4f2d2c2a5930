import type { Core, UID } from '@strapi/strapi';
import { toBlocks } from './blocks';
import type { DocumentIndex } from './document-index';
import type { MediaLibrary } from './media';

type AttributeDef = {
  type: string;
  target?: UID.ContentType;
  relation?: string;
  component?: UID.Component;
  repeatable?: boolean;
  multiple?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Attributes = Record<string, AttributeDef>;
type Json = Record<string, unknown>;

/** Keys of a seed entry's locale block that describe the translation rather than a field. */
const TRANSLATION_NOTES = new Set(['reviewed']);

export type SeedContext = { strapi: Core.Strapi; media: MediaLibrary; documents: DocumentIndex; warn: (message: string) => void };

const isLocalized = (attribute: AttributeDef) => attribute.pluginOptions?.i18n?.localized === true;

/**
 * Turns one seed entry into Document Service data for one locale: shared fields from the top level
 * of the entry, translated fields from its locale block, slugs of related documents into
 * connections to their version in that locale, file paths into media library ids, rich-text
 * shorthand into blocks.
 */
export const entryData = async (
  ctx: SeedContext,
  uid: UID.ContentType,
  entry: Json,
  locale: string,
  where: string
): Promise<Json> => {
  const attributes = ctx.strapi.getModel(uid).attributes as unknown as Attributes;
  const data: Json = {};

  for (const [name, value] of Object.entries(entry)) {
    if (name === 'en' || name === 'km') continue;
    const attribute = attributes[name];
    if (!attribute) throw new Error(`${where}: unknown field "${name}"`);
    if (isLocalized(attribute)) throw new Error(`${where}: "${name}" is translated; put it under "en"/"km"`);
    data[name] = await convert(ctx, attribute, value, locale, `${where}.${name}`);
  }

  const translated = (entry[locale] ?? {}) as Json;
  for (const [name, value] of Object.entries(translated)) {
    if (TRANSLATION_NOTES.has(name)) continue;
    const attribute = attributes[name];
    if (!attribute) throw new Error(`${where}.${locale}: unknown field "${name}"`);
    if (!isLocalized(attribute)) throw new Error(`${where}.${locale}: "${name}" is shared; put it at the top level`);
    data[name] = await convert(ctx, attribute, value, locale, `${where}.${locale}.${name}`);
  }
  return data;
};

const componentData = async (ctx: SeedContext, component: UID.Component, value: Json, locale: string, where: string) => {
  const attributes = ctx.strapi.components[component].attributes as unknown as Attributes;
  const data: Json = {};
  for (const [name, inner] of Object.entries(value)) {
    if (name === '__component') continue;
    const attribute = attributes[name];
    if (!attribute) throw new Error(`${where}: unknown field "${name}" in component ${component}`);
    data[name] = await convert(ctx, attribute, inner, locale, `${where}.${name}`);
  }
  return value.__component ? { __component: value.__component, ...data } : data;
};

const relation = async (ctx: SeedContext, attribute: AttributeDef, value: unknown, locale: string, where: string) => {
  const slugs = (Array.isArray(value) ? value : [value]).filter((slug): slug is string => typeof slug === 'string');
  const connect: Array<{ documentId: string; locale: string }> = [];
  for (const slug of slugs) {
    const target = await ctx.documents.find(attribute.target!, slug);
    if (!target) throw new Error(`${where}: no ${attribute.target} with slug "${slug}"`);
    if (target.locales.has(locale)) connect.push({ documentId: target.documentId, locale });
    else ctx.warn(`${where}: "${slug}" has no ${locale} version yet, relation left out in ${locale}`);
  }
  return { connect };
};

const convert = async (ctx: SeedContext, attribute: AttributeDef, value: unknown, locale: string, where: string): Promise<unknown> => {
  if (value === null) return null;
  switch (attribute.type) {
    case 'relation':
      return relation(ctx, attribute, value, locale, where);
    case 'media':
      return Array.isArray(value)
        ? Promise.all(value.map((file: string) => ctx.media.idOf(file)))
        : ctx.media.idOf(value as string);
    case 'blocks':
      return toBlocks(value);
    case 'component':
      return attribute.repeatable
        ? Promise.all((value as Json[]).map((item, i) => componentData(ctx, attribute.component!, item, locale, `${where}[${i}]`)))
        : componentData(ctx, attribute.component!, value as Json, locale, where);
    case 'dynamiczone':
      return Promise.all(
        (value as Json[]).map((item, i) => componentData(ctx, item.__component as UID.Component, item, locale, `${where}[${i}]`))
      );
    default:
      return value;
  }
};
