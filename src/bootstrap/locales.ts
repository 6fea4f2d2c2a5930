import type { Core } from '@strapi/strapi';

/** The site's locales besides the default (`en`, created by the i18n plugin itself). */
const LOCALES = [{ code: 'km', name: 'Khmer (km)' }];

export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create(locale);
      strapi.log.info(`Created locale ${locale.code}`);
    }
  }
};
