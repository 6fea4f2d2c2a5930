import * as React from 'react';
import { getFetchClient } from '@strapi/strapi/admin';

export type Locale = { code: string; name: string; isDefault: boolean };

/**
 * The i18n locales, fetched once per page load (after sign-in) and kept here, so that the edit
 * view's layout hook, which must answer synchronously, knows which locale is the default one.
 */
let locales: Locale[] | null = null;
let request: Promise<Locale[]> | null = null;

export const loadLocales = (): Promise<Locale[]> => {
  request ??= getFetchClient()
    .get<Locale[]>('/i18n/locales')
    .then(({ data }) => (locales = data))
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

export const useLocales = (): Locale[] | null => {
  const [value, setValue] = React.useState<Locale[] | null>(locales);
  React.useEffect(() => {
    loadLocales().then(setValue, () => setValue([]));
  }, []);
  return value;
};

/** "English (en)" → "English": the name as a sentence uses it. */
export const languageName = (locale: Locale): string => locale.name.replace(/\s*\([^)]*\)$/, '') || locale.code;
