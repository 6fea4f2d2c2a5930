import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './i18n';

export type LocaleParams = { params: Promise<{ locale: string }> };
export type DocParams = { params: Promise<{ locale: string; slug: string }> };
export type ListProps = LocaleParams & { searchParams: Promise<{ page?: string }> };

export const readLocale = async (params: Promise<{ locale: string }>): Promise<Locale> => {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
};

export const readDoc = async (params: Promise<{ locale: string; slug: string }>): Promise<{ locale: Locale; slug: string }> => {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, slug };
};

/** ?page=N, a whole number from 1; anything else is page 1. */
export const readPage = async (searchParams: Promise<{ page?: string }>): Promise<number> => {
  const { page } = await searchParams;
  return page && /^[1-9]\d{0,4}$/.test(page) ? Number(page) : 1;
};
