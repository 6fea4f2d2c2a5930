import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Crumbs, FallbackNotice, Pager } from '@/components/Parts';
import { ProjectCards } from '@/components/ProjectCards';
import { getProjects, getTheme } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readDoc, readPage, type DocParams } from '@/lib/params';
import { documentMetadata } from '@/lib/seo';

// Reads ?page= (or the query): rendered on every request; its data still comes from the CMS's own cache.
export const dynamic = 'force-dynamic';


export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const theme = await getTheme(locale, slug);
  if (!theme) return {};
  return documentMetadata(locale, `/themes/${slug}`, theme, theme.name, null);
}

export default async function ThemePage({ params, searchParams }: DocParams & { searchParams: Promise<{ page?: string }> }) {
  const { locale, slug } = await readDoc(params);
  const page = await readPage(searchParams);
  const [theme, projects] = await Promise.all([getTheme(locale, slug), getProjects(locale, { theme: slug, page })]);
  if (!theme) notFound();
  const words = t(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.themes, path: '/themes' }, { label: theme.name, lang: theme.locale !== locale ? theme.locale : undefined }]} />
      <FallbackNotice locale={locale} entry={theme} />
      <h1 lang={theme.locale !== locale ? theme.locale : undefined}>{theme.name}</h1>
      <ProjectCards locale={locale} projects={projects.data} />
      <Pager locale={locale} path={`/themes/${slug}`} page={page} pageCount={projects.meta.pagination.pageCount} />
    </>
  );
}
