import type { Metadata } from 'next';
import { Crumbs, langOf } from '@/components/Parts';
import { getProgrammes } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/programmes', t(locale).programmes);
}

export default async function Programmes({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const programmes = await getProgrammes(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.programmes }]} />
      <h1>{words.programmes}</h1>
      {programmes.length === 0 && <p>{words.nothingYet}</p>}
      <ul className="cards">
        {programmes.map((programme) => (
          // lang on the title and summary, not the card: the card's other content is the page's.
          <li key={programme.documentId}>
            <h2 lang={langOf(locale, programme)}>
              <a href={docHref(locale, 'programme', programme.slug)}>{programme.title}</a>
            </h2>
            {programme.summary && <p lang={langOf(locale, programme)}>{programme.summary}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
