import type { Metadata } from 'next';
import { ProjectCards } from '@/components/ProjectCards';
import { getGlobal, getProjects, PROJECT_STATUSES } from '@/lib/content';
import { t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { href } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  const global = await getGlobal(locale).catch(() => null);
  return { ...listMetadata(locale, '/', global?.siteName ?? 'UN-Habitat', global?.tagline ?? undefined), title: { absolute: global?.siteName ?? 'UN-Habitat' } };
}

export default async function Home({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const [global, latest] = await Promise.all([getGlobal(locale), getProjects(locale, { pageSize: 6 })]);
  return (
    <>
      <h1 lang={global && global.locale !== locale ? global.locale : undefined}>{global?.siteName ?? 'UN-Habitat'}</h1>
      {global?.tagline && <p className="meta">{global.tagline}</p>}
      <ul className="tabs" aria-label={words.byStatus}>
        {PROJECT_STATUSES.map((status) => (
          <li key={status}>
            <a className="button" href={href(locale, `/projects/status/${status}`)}>
              {words.status[status]}
            </a>
          </li>
        ))}
      </ul>
      <h2>{words.latestProjects}</h2>
      <ProjectCards locale={locale} projects={latest.data} headingLevel={3} />
      <p>
        <a href={href(locale, '/projects')}>{words.allProjects}</a>
      </p>
    </>
  );
}
