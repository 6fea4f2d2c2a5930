import type { Metadata } from 'next';
import { Crumbs } from '@/components/Parts';
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
          <li key={speech.documentId} lang={speech.locale !== locale ? speech.locale : undefined}>
            <h2>
              <a href={docHref(locale, 'speech', speech.slug)}>{speech.title}</a>
            </h2>
            <p className="meta">{[speech.speaker, speech.eventPlace, speech.deliveredOn && formatDate(locale, speech.deliveredOn)].filter(Boolean).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
