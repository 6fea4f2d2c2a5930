import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProjectCards } from '@/components/ProjectCards';
import { Crumbs, Pager } from '@/components/Parts';
import { getProjects, PROJECT_STATUSES } from '@/lib/content';
import { t, type Locale } from '@/lib/i18n';
import { readLocale, readPage } from '@/lib/params';
import { listMetadata } from '@/lib/seo';

// Reads ?page= (or the query): rendered on every request; its data still comes from the CMS's own cache.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; status: string }>; searchParams: Promise<{ page?: string }> };

const readStatus = async (params: Props['params']): Promise<{ locale: Locale; status: string }> => {
  const locale = await readLocale(params);
  const { status } = await params;
  if (!(PROJECT_STATUSES as readonly string[]).includes(status)) notFound();
  return { locale, status };
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, status } = await readStatus(params);
  return listMetadata(locale, `/projects/status/${status}`, `${t(locale).projects}: ${t(locale).status[status]}`);
}

export default async function ProjectsByStatus({ params, searchParams }: Props) {
  const { locale, status } = await readStatus(params);
  const page = await readPage(searchParams);
  const words = t(locale);
  const projects = await getProjects(locale, { status, page });
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.projects, path: '/projects' }, { label: words.status[status] }]} />
      <h1>
        {words.projects}: {words.status[status]}
      </h1>
      <ProjectCards locale={locale} projects={projects.data} />
      <Pager locale={locale} path={`/projects/status/${status}`} page={page} pageCount={projects.meta.pagination.pageCount} />
    </>
  );
}
