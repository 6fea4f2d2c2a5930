import type { Metadata } from 'next';
import { Crumbs } from '@/components/Parts';
import { getVacancies } from '@/lib/content';
import { enumWord, formatDeadline, t, type Locale } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';
import type { Vacancy } from '@/lib/types';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/vacancies', t(locale).vacancies);
}

function VacancyList({ locale, vacancies, testId }: { locale: Locale; vacancies: Vacancy[]; testId: string }) {
  const words = t(locale);
  if (vacancies.length === 0) return <p>{words.nothingYet}</p>;
  return (
    <ul className="cards" data-testid={testId}>
      {vacancies.map((vacancy) => (
        <li key={vacancy.documentId} lang={vacancy.locale !== locale ? vacancy.locale : undefined}>
          <h3>
            <a href={docHref(locale, 'vacancy', vacancy.slug)}>{vacancy.title}</a>
          </h3>
          <p className="meta">{[vacancy.dutyStation, enumWord(locale, vacancy.contractType), vacancy.grade].filter(Boolean).join(' · ')}</p>
          <p lang={locale}>
            {words.closesAt}: <time dateTime={vacancy.closesAt}>{formatDeadline(locale, vacancy.closesAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export default async function Vacancies({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const vacancies = await getVacancies(locale);
  // Open or closed at the time of rendering; a cached list is re-rendered at least every
  // SITE_REVALIDATE_SECONDS, so a vacancy moves to "closed" within that time of its deadline.
  const now = Date.now();
  const open = vacancies.filter((v) => Date.parse(v.closesAt) > now).reverse();
  const closed = vacancies.filter((v) => Date.parse(v.closesAt) <= now);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.vacancies }]} />
      <h1>{words.vacancies}</h1>
      <h2>{words.openVacancies}</h2>
      <VacancyList locale={locale} vacancies={open} testId="open-vacancies" />
      <h2>{words.closedVacancies}</h2>
      <VacancyList locale={locale} vacancies={closed} testId="closed-vacancies" />
    </>
  );
}
