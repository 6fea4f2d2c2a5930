import type { Metadata } from 'next';
import { CmsImage, Crumbs } from '@/components/Parts';
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
          <li key={gallery.documentId} lang={gallery.locale !== locale ? gallery.locale : undefined}>
            <CmsImage media={gallery.cover} size="small" />
            <h2>
              <a href={docHref(locale, 'photo-gallery', gallery.slug)}>{gallery.title}</a>
            </h2>
            <p className="meta">{[gallery.takenOn && formatDate(locale, gallery.takenOn), gallery.country?.name].filter(Boolean).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
