import type { Metadata } from 'next';
import { CmsImage, Crumbs, langOf } from '@/components/Parts';
import { getPublications } from '@/lib/content';
import { enumWord, formatDigits, t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref, href } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/publications', t(locale).publications);
}

export default async function Publications({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const publications = await getPublications(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.publications }]} />
      <h1>{words.publications}</h1>
      <p>
        <a href={href(locale, '/speeches')}>{words.speeches}</a>
      </p>
      {publications.data.length === 0 && <p>{words.nothingYet}</p>}
      <ul className="cards">
        {publications.data.map((publication) => (
          // lang on the title only (a fallback's English): the kind and year below are in the page's language.
          <li key={publication.documentId}>
            <CmsImage media={publication.cover} size="thumbnail" />
            <h2 lang={langOf(locale, publication)}>
              <a href={docHref(locale, 'publication', publication.slug)}>{publication.title}</a>
            </h2>
            <p className="meta">{[enumWord(locale, publication.kind), publication.year && formatDigits(locale, publication.year)].filter(Boolean).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
