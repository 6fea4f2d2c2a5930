import type { Metadata } from 'next';
import { Crumbs, Facts, langOf } from '@/components/Parts';
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

/** `empty` says what an empty list means: no open vacancies now is not "nothing published". */
function VacancyList({ locale, vacancies, testId, empty }: { locale: Locale; vacancies: Vacancy[]; testId: string; empty: string }) {
  const words = t(locale);
  if (vacancies.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards" data-testid={testId}>
      {vacancies.map((vacancy) => (
        // lang on the vacancy's own text only (a fallback's English): the contract type and the
        // closing date are interface words in the page's language; the grade is a code.
        <li key={vacancy.documentId}>
          <h3 lang={langOf(locale, vacancy)}>
            <a href={docHref(locale, 'vacancy', vacancy.slug)}>{vacancy.title}</a>
          </h3>
          <Facts facts={[{ text: vacancy.dutyStation, lang: langOf(locale, vacancy) }, { text: enumWord(locale, vacancy.contractType) }, { text: vacancy.grade }]} />
          <p>
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
      <VacancyList locale={locale} vacancies={open} testId="open-vacancies" empty={words.noOpenVacancies} />
      <h2>{words.closedVacancies}</h2>
      <VacancyList locale={locale} vacancies={closed} testId="closed-vacancies" empty={words.nothingYet} />
    </>
  );
}
