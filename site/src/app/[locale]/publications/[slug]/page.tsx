import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CmsImage, Crumbs, FallbackNotice } from '@/components/Parts';
import { getPublication } from '@/lib/content';
import { mediaUrl } from '@/lib/cms';
import { enumWord, formatDigits, formatNumber, t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const publication = await getPublication(locale, slug);
  if (!publication) return {};
  return documentMetadata(locale, `/publications/${slug}`, publication, publication.title, publication.summary, publication.cover);
}

const fileSize = (kilobytes: number | undefined): string => (kilobytes ? (kilobytes >= 1024 ? `${(kilobytes / 1024).toFixed(1)} MB` : `${Math.round(kilobytes)} KB`) : '');

export default async function PublicationPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const publication = await getPublication(locale, slug);
  if (!publication) notFound();
  const words = t(locale);
  const contentLang = publication.locale !== locale ? publication.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.publications, path: '/publications' }, { label: publication.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={publication} />
      <article>
        <h1 lang={contentLang}>{publication.title}</h1>
        <CmsImage media={publication.cover} size="small" />
        {publication.summary && <p lang={contentLang}>{publication.summary}</p>}
        <dl className="facts">
          {publication.kind && (
            <>
              <dt>{words.kind}</dt>
              <dd>{enumWord(locale, publication.kind)}</dd>
            </>
          )}
          {publication.year && (
            <>
              <dt>{words.year}</dt>
              <dd>{formatDigits(locale, publication.year)}</dd>
            </>
          )}
          {publication.pages && (
            <>
              <dt>{words.pages}</dt>
              <dd>{formatNumber(locale, publication.pages)}</dd>
            </>
          )}
          {publication.publisher && (
            <>
              <dt>{words.publisher}</dt>
              <dd lang={contentLang}>{publication.publisher}</dd>
            </>
          )}
          {publication.isbn && (
            <>
              <dt>{words.isbn}</dt>
              <dd>{publication.isbn}</dd>
            </>
          )}
          {publication.hsNumber && (
            <>
              <dt>{words.hsNumber}</dt>
              <dd>{publication.hsNumber}</dd>
            </>
          )}
          {publication.countries && publication.countries.length > 0 && (
            <>
              <dt>{words.countries}</dt>
              <dd>
                {publication.countries.map((country, index) => (
                  <span key={country.documentId} lang={country.locale !== locale ? country.locale : undefined}>
                    {index > 0 && ', '}
                    <a href={docHref(locale, 'country', country.slug)}>{country.name}</a>
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
        {publication.files && publication.files.length > 0 && (
          <section aria-labelledby="downloads">
            <h2 id="downloads">{words.downloads}</h2>
            <ul data-testid="downloads">
              {publication.files.map((download) =>
                download.file ? (
                  <li key={download.id}>
                    {/* "Download" is an interface word: only the file's label is in the document's language. */}
                    <a href={mediaUrl(download.file.url)} download hrefLang={download.language ?? undefined}>
                      {words.download}: <span lang={contentLang}>{download.label ?? download.file.name}</span>
                    </a>{' '}
                    <span className="meta">
                      ({[download.file.mime === 'application/pdf' ? 'PDF' : download.file.mime, fileSize(download.file.size), download.language].filter(Boolean).join(', ')})
                    </span>
                  </li>
                ) : null
              )}
            </ul>
          </section>
        )}
        {publication.projects && publication.projects.length > 0 && (
          <section aria-labelledby="projects">
            <h2 id="projects">{words.projects}</h2>
            <ul>
              {publication.projects.map((project) => (
                <li key={project.documentId} lang={project.locale !== locale ? project.locale : undefined}>
                  <a href={docHref(locale, 'project', project.slug)}>{project.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </>
  );
}
