import type { Metadata } from 'next';
import { Crumbs, Facts, langOf } from '@/components/Parts';
import { getSpeeches } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref, href } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/speeches', t(locale).speeches);
}

export default async function Speeches({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const speeches = await getSpeeches(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.publications, path: '/publications' }, { label: words.speeches }]} />
      <h1>{words.speeches}</h1>
      <p>
        <a href={href(locale, '/publications')}>{words.publications}</a>
      </p>
      {speeches.data.length === 0 && <p>{words.nothingYet}</p>}
      <ul className="cards">
        {speeches.data.map((speech) => (
          // lang on the speech's own text only (a fallback's English): the date is in the page's language.
          <li key={speech.documentId}>
            <h2 lang={langOf(locale, speech)}>
              <a href={docHref(locale, 'speech', speech.slug)}>{speech.title}</a>
            </h2>
            <Facts
              facts={[
                { text: speech.speaker, lang: langOf(locale, speech) },
                { text: speech.eventPlace, lang: langOf(locale, speech) },
                { text: speech.deliveredOn && formatDate(locale, speech.deliveredOn) },
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
