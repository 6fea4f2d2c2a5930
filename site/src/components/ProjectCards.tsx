import { CmsImage, InLanguage } from './Parts';
import { formatDigits, t, type Locale } from '@/lib/i18n';
import { docHref } from '@/lib/paths';
import type { Project } from '@/lib/types';

export const years = (locale: Locale, project: Pick<Project, 'startYear' | 'endYear'>): string => {
  const words = t(locale);
  if (project.startYear && project.endYear) return `${formatDigits(locale, project.startYear)}–${formatDigits(locale, project.endYear)}`;
  if (project.startYear) return `${words.since} ${formatDigits(locale, project.startYear)}`;
  return '';
};

export function ProjectCards({ locale, projects, headingLevel = 2 }: { locale: Locale; projects: Project[]; headingLevel?: 2 | 3 }) {
  const words = t(locale);
  if (projects.length === 0) return <p>{words.noProjects}</p>;
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <ul className="cards">
      {projects.map((project) => {
        const status = project.projectStatus;
        return (
          <InLanguage key={project.documentId} as="li" locale={locale} entry={project}>
            <CmsImage media={project.cover} size="small" />
            <Heading>
              <a href={docHref(locale, 'project', project.slug)}>{project.title}</a>
            </Heading>
            <p className="meta">
              {status && <span className="badge">{words.status[status] ?? status}</span>} {years(locale, project)}
              {project.countries?.length ? ` · ${project.countries.map((c) => c.name).join(', ')}` : ''}
            </p>
            {project.summary && <p>{project.summary}</p>}
          </InLanguage>
        );
      })}
    </ul>
  );
}
