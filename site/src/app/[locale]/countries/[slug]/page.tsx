import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks, blocksText } from '@/components/Blocks';
import { Crumbs, FallbackNotice, Pager } from '@/components/Parts';
import { ProjectCards } from '@/components/ProjectCards';
import { getCountry, getProjects } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readDoc, readPage, type DocParams } from '@/lib/params';
import { documentMetadata } from '@/lib/seo';

// Reads ?page= (or the query): rendered on every request; its data still comes from the CMS's own cache.
export const dynamic = 'force-dynamic';


type Props = DocParams & { searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const country = await getCountry(locale, slug);
  if (!country) return {};
  return documentMetadata(locale, `/countries/${slug}`, country, `${t(locale).projects}: ${country.name}`, blocksText(country.overview));
}

export default async function CountryPage({ params, searchParams }: Props) {
  const { locale, slug } = await readDoc(params);
  const page = await readPage(searchParams);
  const [country, projects] = await Promise.all([getCountry(locale, slug), getProjects(locale, { country: slug, page })]);
  if (!country) notFound();
  const words = t(locale);
  const contentLang = country.locale !== locale ? country.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.countries, path: '/countries' }, { label: country.name, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={country} />
      <h1 lang={contentLang}>{country.name}</h1>
      {country.overview && country.overview.length > 0 && (
        <section aria-labelledby="overview">
          <h2 id="overview">{words.overview}</h2>
          <div lang={contentLang}>
            <Blocks blocks={country.overview} headingOffset={3} />
          </div>
        </section>
      )}
      <h2>{words.projects}</h2>
      <ProjectCards locale={locale} projects={projects.data} headingLevel={3} />
      <Pager locale={locale} path={`/countries/${slug}`} page={page} pageCount={projects.meta.pagination.pageCount} />
    </>
  );
}
