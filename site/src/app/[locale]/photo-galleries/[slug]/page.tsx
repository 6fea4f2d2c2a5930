import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CmsImage, Crumbs, FallbackNotice } from '@/components/Parts';
import { getGallery } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const gallery = await getGallery(locale, slug);
  if (!gallery) return {};
  return documentMetadata(locale, `/photo-galleries/${slug}`, gallery, gallery.title, gallery.description, gallery.cover);
}

export default async function GalleryPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const gallery = await getGallery(locale, slug);
  if (!gallery) notFound();
  const words = t(locale);
  const contentLang = gallery.locale !== locale ? gallery.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.photoGalleries, path: '/photo-galleries' }, { label: gallery.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={gallery} />
      <article>
        <h1 lang={contentLang}>{gallery.title}</h1>
        {gallery.description && <p lang={contentLang}>{gallery.description}</p>}
        <dl className="facts">
          {gallery.takenOn && (
            <>
              <dt>{words.takenOn}</dt>
              <dd>{formatDate(locale, gallery.takenOn)}</dd>
            </>
          )}
          {gallery.photographer && (
            <>
              <dt>{words.photographer}</dt>
              <dd>{gallery.photographer}</dd>
            </>
          )}
          {gallery.country && (
            <>
              <dt>{words.countries}</dt>
              <dd lang={gallery.country.locale !== locale ? gallery.country.locale : undefined}>
                <a href={docHref(locale, 'country', gallery.country.slug)}>{gallery.country.name}</a>
              </dd>
            </>
          )}
          {gallery.project && (
            <>
              <dt>{words.projects}</dt>
              <dd lang={gallery.project.locale !== locale ? gallery.project.locale : undefined}>
                <a href={docHref(locale, 'project', gallery.project.slug)}>{gallery.project.title}</a>
              </dd>
            </>
          )}
        </dl>
        <ul className="photos" lang={contentLang}>
          {(gallery.photos ?? []).map((photo) => (
            <li key={photo.id}>
              <figure>
                <CmsImage media={photo.image} alt={photo.altText ?? photo.caption ?? ''} size="medium" />
                <figcaption>
                  {photo.caption}
                  {photo.location && <span className="meta"> — {photo.location}</span>}
                  {photo.credit && (
                    <span className="meta">
                      {' '}
                      ({words.credit}: {photo.credit})
                    </span>
                  )}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </article>
    </>
  );
}
