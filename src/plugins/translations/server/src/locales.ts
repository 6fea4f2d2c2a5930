import type { Core, UID } from '@strapi/strapi';

type Attribute = { type: string; relation?: string; target?: string; pluginOptions?: { i18n?: { localized?: boolean } } };
export type Schema = {
  uid: string;
  kind?: string;
  info?: { displayName?: string; singularName?: string; pluralName?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, Attribute>;
};

export const schemaOf = (strapi: Core.Strapi, uid: string): Schema => strapi.getModel(uid as UID.Schema) as unknown as Schema;

/** Our own content types (api::…) that are translated: the ones the translation workflow covers. */
export const isLocalizedApiType = (strapi: Core.Strapi, uid: string): boolean => {
  if (!uid.startsWith('api::')) return false;
  const contentType = strapi.contentTypes[uid as UID.ContentType] as unknown as Schema | undefined;
  return contentType?.pluginOptions?.i18n?.localized === true;
};

export const localizedApiTypes = (strapi: Core.Strapi): UID.ContentType[] =>
  (Object.keys(strapi.contentTypes) as UID.ContentType[]).filter((uid) => isLocalizedApiType(strapi, uid)).sort();

export const hasDraftAndPublish = (strapi: Core.Strapi, uid: string): boolean => schemaOf(strapi, uid).options?.draftAndPublish === true;

export const defaultLocale = (strapi: Core.Strapi): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

let cachedCodes: Promise<string[]> | null = null;

/**
 * Locale codes that exist (Settings › Internationalization), cached until a locale changes. A failed
 * read (database down) is not cached: the next call tries again.
 */
export const localeCodes = (strapi: Core.Strapi): Promise<string[]> =>
  cachedCodes ??
  (cachedCodes = (strapi.plugin('i18n').service('locales').find() as Promise<Array<{ code: string }>>).then(
    (locales) => locales.map((locale) => locale.code).sort(),
    (error: unknown) => {
      cachedCodes = null;
      throw error;
    }
  ));

export const forgetLocaleCodes = (): void => {
  cachedCodes = null;
};

/** The locales translators work on: every locale but the default one. */
export const targetLocales = async (strapi: Core.Strapi): Promise<string[]> => {
  const fallback = await defaultLocale(strapi);
  return (await localeCodes(strapi)).filter((code) => code !== fallback);
};
