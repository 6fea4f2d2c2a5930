import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks } from '@/components/Blocks';
import { CmsImage, Crumbs, FallbackNotice } from '@/components/Parts';
import { years } from '@/components/ProjectCards';
import { getProject } from '@/lib/content';
import { formatDigits, formatMoney, formatNumber, t, type Locale } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';
import type { Partner } from '@/lib/types';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const project = await getProject(locale, slug);
  if (!project) return {};
  return documentMetadata(locale, `/projects/${slug}`, project, project.title, project.summary, project.cover);
}

function PartnerList({ locale, partners }: { locale: Locale; partners: Partner[] }) {
  return (
    <ul>
      {partners.map((partner) => (
        <li key={partner.documentId} lang={partner.locale !== locale ? partner.locale : undefined}>
          {partner.website ? <a href={partner.website}>{partner.name}</a> : partner.name}
          {partner.acronym && ` (${partner.acronym})`}
        </li>
      ))}
    </ul>
  );
}

export default async function ProjectPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const project = await getProject(locale, slug);
  if (!project) notFound();
  const words = t(locale);
  // The words of the page are the reader's; the content is in the language it was served in.
  const contentLang = project.locale !== locale ? project.locale : undefined;
  const status = project.projectStatus;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.projects, path: '/projects' }, { label: project.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={project} />
      <article>
        <h1 lang={contentLang}>{project.title}</h1>
        {project.summary && (
          <p className="meta" lang={contentLang}>
            {project.summary}
          </p>
        )}
        <CmsImage media={project.cover} size="large" />
        <dl className="facts">
          {status && (
            <>
              <dt>{words.projectStatus}</dt>
              <dd>
                <span className="badge">{words.status[status] ?? status}</span>
              </dd>
            </>
          )}
          {project.location && (
            <>
              <dt>{words.location}</dt>
              <dd lang={contentLang}>{project.location}</dd>
            </>
          )}
          {project.startYear && (
            <>
              <dt>{words.years}</dt>
              <dd>{years(locale, project)}</dd>
            </>
          )}
          {project.countries && project.countries.length > 0 && (
            <>
              <dt>{words.countries}</dt>
              <dd>
                {project.countries.map((country, index) => (
                  <span key={country.documentId} lang={country.locale !== locale ? country.locale : undefined}>
                    {index > 0 && ', '}
                    <a href={docHref(locale, 'country', country.slug)}>{country.name}</a>
                  </span>
                ))}
              </dd>
            </>
          )}
          {project.totalCost?.amount != null && (
            <>
              <dt>{words.totalCost}</dt>
              <dd>{formatMoney(locale, project.totalCost.amount, project.totalCost.currency ?? 'USD')}</dd>
            </>
          )}
          {project.programme && (
            <>
              <dt>{words.programme}</dt>
              <dd lang={project.programme.locale !== locale ? project.programme.locale : undefined}>
                <a href={docHref(locale, 'programme', project.programme.slug)}>{project.programme.title}</a>
              </dd>
            </>
          )}
          {project.themes && project.themes.length > 0 && (
            <>
              <dt>{words.themes}</dt>
              <dd>
                {project.themes.map((theme, index) => (
                  <span key={theme.documentId} lang={theme.locale !== locale ? theme.locale : undefined}>
                    {index > 0 && ', '}
                    <a href={docHref(locale, 'theme', theme.slug)}>{theme.name}</a>
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>

        {project.keyFigures && project.keyFigures.length > 0 && (
          <section aria-labelledby="key-figures">
            <h2 id="key-figures">{words.keyFigures}</h2>
            <ul className="figures" data-testid="key-figures">
              {project.keyFigures.map((figure) => (
                <li key={figure.id}>
                  <span className="value">
                    {figure.qualifier && words.qualifier[figure.qualifier] ? `${words.qualifier[figure.qualifier]} ` : ''}
                    {formatNumber(locale, figure.value)}
                  </span>
                  <span lang={contentLang}>{figure.label}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        {[
          ['background', words.background, project.background],
          ['objectives', words.objectives, project.objectives],
          ['results', words.results, project.results],
        ].map(([id, heading, blocks]) =>
          Array.isArray(blocks) && blocks.length > 0 ? (
            <section key={id as string} aria-labelledby={id as string} data-testid={`section-${id as string}`}>
              <h2 id={id as string}>{heading as string}</h2>
              <div lang={contentLang}>
                <Blocks blocks={blocks} headingOffset={3} />
              </div>
            </section>
          ) : null
        )}

        {Boolean(project.partners?.length || project.donors?.length) && (
          <section aria-labelledby="partners">
            <h2 id="partners">{words.partners}</h2>
            {project.partners && project.partners.length > 0 && <PartnerList locale={locale} partners={project.partners} />}
            {project.donors && project.donors.length > 0 && (
              <>
                <h3>{words.donors}</h3>
                <PartnerList locale={locale} partners={project.donors} />
              </>
            )}
          </section>
        )}

        {project.publications && project.publications.length > 0 && (
          <section aria-labelledby="publications">
            <h2 id="publications">{words.relatedPublications}</h2>
            <ul>
              {project.publications.map((publication) => (
                // lang on the title only: the year is written in the page's digits.
                <li key={publication.documentId}>
                  <a href={docHref(locale, 'publication', publication.slug)} lang={publication.locale !== locale ? publication.locale : undefined}>
                    {publication.title}
                  </a>
                  {publication.year && ` (${formatDigits(locale, publication.year)})`}
                </li>
              ))}
            </ul>
          </section>
        )}

        {project.galleries && project.galleries.length > 0 && (
          <section aria-labelledby="galleries">
            <h2 id="galleries">{words.galleries}</h2>
            <ul className="cards">
              {project.galleries.map((gallery) => (
                <li key={gallery.documentId} lang={gallery.locale !== locale ? gallery.locale : undefined}>
                  <CmsImage media={gallery.cover} size="small" />
                  <a href={docHref(locale, 'photo-gallery', gallery.slug)}>{gallery.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}

        {project.voices && project.voices.length > 0 && (
          <section aria-labelledby="voices">
            <h2 id="voices">{words.voices}</h2>
            <ul>
              {project.voices.map((voice) => (
                <li key={voice.documentId} lang={voice.locale !== locale ? voice.locale : undefined}>
                  <a href={docHref(locale, 'voice', voice.slug)}>{voice.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </>
  );
}
