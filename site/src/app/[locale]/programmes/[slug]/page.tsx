import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks } from '@/components/Blocks';
import { Crumbs, FallbackNotice } from '@/components/Parts';
import { ProjectCards } from '@/components/ProjectCards';
import { getProgramme, getProjects } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const programme = await getProgramme(locale, slug);
  if (!programme) return {};
  return documentMetadata(locale, `/programmes/${slug}`, programme, programme.title, programme.summary);
}

export default async function ProgrammePage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const [programme, projects] = await Promise.all([getProgramme(locale, slug), getProjects(locale, { programme: slug, pageSize: 100 })]);
  if (!programme) notFound();
  const words = t(locale);
  const contentLang = programme.locale !== locale ? programme.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.programmes, path: '/programmes' }, { label: programme.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={programme} />
      <article>
        <h1 lang={contentLang}>
          {programme.title}
          {programme.acronym && ` (${programme.acronym})`}
        </h1>
        <div lang={contentLang}>
          {programme.summary && <p className="meta">{programme.summary}</p>}
          <Blocks blocks={programme.body} />
        </div>
        {programme.countries && programme.countries.length > 0 && (
          <>
            <h2>{words.countries}</h2>
            <ul>
              {programme.countries.map((country) => (
                <li key={country.documentId} lang={country.locale !== locale ? country.locale : undefined}>
                  <a href={docHref(locale, 'country', country.slug)}>{country.name}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {programme.partners && programme.partners.length > 0 && (
          <>
            <h2>{words.partners}</h2>
            <ul>
              {programme.partners.map((partner) => (
                <li key={partner.documentId} lang={partner.locale !== locale ? partner.locale : undefined}>
                  {partner.website ? <a href={partner.website}>{partner.name}</a> : partner.name}
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>{words.projects}</h2>
        <ProjectCards locale={locale} projects={projects.data} headingLevel={3} />
      </article>
    </>
  );
}
