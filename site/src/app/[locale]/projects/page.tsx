import type { Metadata } from 'next';
import { ProjectCards } from '@/components/ProjectCards';
import { Crumbs, Pager } from '@/components/Parts';
import { getProjects, PROJECT_STATUSES } from '@/lib/content';
import { formatNumber, t } from '@/lib/i18n';
import { readLocale, readPage, type ListProps, type LocaleParams } from '@/lib/params';
import { href } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

// Reads ?page= (or the query): rendered on every request; its data still comes from the CMS's own cache.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/projects', t(locale).projects);
}

export default async function Projects({ params, searchParams }: ListProps) {
  const locale = await readLocale(params);
  const page = await readPage(searchParams);
  const words = t(locale);
  const projects = await getProjects(locale, { page });
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.projects }]} />
      <h1>{words.projects}</h1>
      <p className="meta">{formatNumber(locale, projects.meta.pagination.total)}</p>
      <nav aria-label={words.byStatus}>
        <ul className="tabs">
          {PROJECT_STATUSES.map((status) => (
            <li key={status}>
              <a href={href(locale, `/projects/status/${status}`)}>{words.status[status]}</a>
            </li>
          ))}
          <li>
            <a href={href(locale, '/countries')}>{words.byCountry}</a>
          </li>
        </ul>
      </nav>
      <ProjectCards locale={locale} projects={projects.data} />
      <Pager locale={locale} path="/projects" page={page} pageCount={projects.meta.pagination.pageCount} />
    </>
  );
}
