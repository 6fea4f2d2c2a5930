import type { Metadata } from 'next';
import { CmsImage, Crumbs, Facts, langOf } from '@/components/Parts';
import { getGalleries } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/photo-galleries', t(locale).photoGalleries);
}

export default async function Galleries({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const galleries = await getGalleries(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.photoGalleries }]} />
      <h1>{words.photoGalleries}</h1>
      {galleries.data.length === 0 && <p>{words.nothingYet}</p>}
      <ul className="cards">
        {galleries.data.map((gallery) => (
          // lang on the title only (a fallback's English): the date is in the page's language.
          <li key={gallery.documentId}>
            <CmsImage media={gallery.cover} size="small" />
            <h2 lang={langOf(locale, gallery)}>
              <a href={docHref(locale, 'photo-gallery', gallery.slug)}>{gallery.title}</a>
            </h2>
            <Facts facts={[{ text: gallery.takenOn && formatDate(locale, gallery.takenOn) }, { text: gallery.country?.name, lang: langOf(locale, gallery.country) }]} />
          </li>
        ))}
      </ul>
    </>
  );
}
