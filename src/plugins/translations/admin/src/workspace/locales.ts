import * as React from 'react';
import { getFetchClient } from '@strapi/strapi/admin';

export type Locale = { code: string; name: string; isDefault: boolean };

/**
 * The i18n locales, fetched once per page load (after sign-in) and kept here, so that the edit
 * view's layout hook, which must answer synchronously, knows which locale is the default one.
 */
let locales: Locale[] | null = null;
let request: Promise<Locale[]> | null = null;
/** The default locale's code, also kept in the browser: the layout hook may run before the first load ends. */
const DEFAULT_KEY = 'habitat.translations.defaultLocale';

export const loadLocales = (): Promise<Locale[]> => {
  request ??= getFetchClient()
    .get<Locale[]>('/i18n/locales')
    .then(({ data }) => {
      const code = data.find((locale) => locale.isDefault)?.code;
      if (code) window.localStorage.setItem(DEFAULT_KEY, code);
      return (locales = data);
    })
    .catch((error: unknown) => {
      request = null; // signed out, or offline: try again next time
      throw error;
    });
  return request;
};

/** The locales if already loaded (starting the load otherwise). */
export const knownLocales = (): Locale[] | null => {
  if (!locales) loadLocales().catch(() => undefined);
  return locales;
};

/** The default locale's code if known (loaded in this page, or in an earlier one). */
export const knownDefaultLocale = (): string | null =>
  knownLocales()?.find((locale) => locale.isDefault)?.code ?? window.localStorage.getItem(DEFAULT_KEY);

export const useLocales = (): Locale[] | null => {
  const [value, setValue] = React.useState<Locale[] | null>(locales);
  React.useEffect(() => {
    loadLocales().then(setValue, () => setValue([]));
  }, []);
  return value;
};

/** "English (en)" → "English": the name as a sentence uses it. */
export const languageName = (locale: Locale): string => locale.name.replace(/\s*\([^)]*\)$/, '') || locale.code;
