import type { Metadata } from 'next';
import { Crumbs } from '@/components/Parts';
import { getCountries } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/countries', t(locale).countries);
}

export default async function Countries({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const countries = await getCountries(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.countries }]} />
      <h1>{words.byCountry}</h1>
      <ol className="cards" data-testid="country-list">
        {countries.map((country) => (
          <li key={country.documentId} lang={country.locale !== locale ? country.locale : undefined}>
            <a href={docHref(locale, 'country', country.slug)}>{country.name}</a>
          </li>
        ))}
      </ol>
    </>
  );
}
