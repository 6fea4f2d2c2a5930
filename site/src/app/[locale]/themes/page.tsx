import type { Metadata } from 'next';
import { Crumbs } from '@/components/Parts';
import { getThemes } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/themes', t(locale).themes);
}

export default async function Themes({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const themes = await getThemes(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.themes }]} />
      <h1>{words.themes}</h1>
      <ul>
        {themes.map((theme) => (
          <li key={theme.documentId} lang={theme.locale !== locale ? theme.locale : undefined}>
            <a href={docHref(locale, 'theme', theme.slug)}>{theme.name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
