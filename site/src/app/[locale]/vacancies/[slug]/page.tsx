import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks, blocksText } from '@/components/Blocks';
import { Crumbs, FallbackNotice } from '@/components/Parts';
import { getVacancy } from '@/lib/content';
import { mediaUrl } from '@/lib/cms';
import { enumWord, formatDate, formatDeadline, t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const vacancy = await getVacancy(locale, slug);
  if (!vacancy) return {};
  return documentMetadata(locale, `/vacancies/${slug}`, vacancy, vacancy.title, blocksText(vacancy.description));
}

export default async function VacancyPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const vacancy = await getVacancy(locale, slug);
  if (!vacancy) notFound();
  const words = t(locale);
  const contentLang = vacancy.locale !== locale ? vacancy.locale : undefined;
  const isClosed = Date.parse(vacancy.closesAt) <= Date.now();
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.vacancies, path: '/vacancies' }, { label: vacancy.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={vacancy} />
      <article>
        <h1 lang={contentLang}>
          {/* The badge is an interface word: back to the page's language inside a fallback's English title. */}
          {vacancy.title} {isClosed && <span className="badge" lang={contentLang ? locale : undefined}>{words.closed}</span>}
        </h1>
        <dl className="facts">
          <dt>{words.closesAt}</dt>
          <dd>
            <time dateTime={vacancy.closesAt}>{formatDeadline(locale, vacancy.closesAt)}</time>
          </dd>
          {vacancy.postedOn && (
            <>
              <dt>{words.postedOn}</dt>
              <dd>{formatDate(locale, vacancy.postedOn)}</dd>
            </>
          )}
          {vacancy.dutyStation && (
            <>
              <dt>{words.dutyStation}</dt>
              <dd lang={contentLang}>
                {vacancy.dutyStation}
                {vacancy.country && (
                  <>
                    {' '}
                    {/* The country's name is in its own language, which may differ from the vacancy's. */}
                    (<a href={docHref(locale, 'country', vacancy.country.slug)} lang={vacancy.country.locale !== (contentLang ?? locale) ? vacancy.country.locale : undefined}>{vacancy.country.name}</a>)
                  </>
                )}
              </dd>
            </>
          )}
          {vacancy.contractType && (
            <>
              <dt>{words.contractType}</dt>
              <dd>{enumWord(locale, vacancy.contractType)}</dd>
            </>
          )}
          {vacancy.grade && (
            <>
              <dt>{words.grade}</dt>
              <dd>{vacancy.grade}</dd>
            </>
          )}
          {vacancy.referenceNumber && (
            <>
              <dt>{words.referenceNumber}</dt>
              <dd>{vacancy.referenceNumber}</dd>
            </>
          )}
        </dl>
        <div lang={contentLang}>
          <Blocks blocks={vacancy.description} />
        </div>
        {vacancy.howToApply && vacancy.howToApply.length > 0 && (
          <section aria-labelledby="apply">
            <h2 id="apply">{words.howToApply}</h2>
            <div lang={contentLang}>
              <Blocks blocks={vacancy.howToApply} headingOffset={3} />
            </div>
          </section>
        )}
        {vacancy.attachment && (
          <p>
            <a href={mediaUrl(vacancy.attachment.url)} download>
              {words.download}: {words.attachment}
            </a>
          </p>
        )}
      </article>
    </>
  );
}
