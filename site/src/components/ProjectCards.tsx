import { Fragment } from 'react';
import { CmsImage, langOf } from './Parts';
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
        // Only the project's own text is in its language; the badge and years are interface words.
        const lang = langOf(locale, project);
        return (
          <li key={project.documentId}>
            <CmsImage media={project.cover} size="small" />
            <Heading lang={lang}>
              <a href={docHref(locale, 'project', project.slug)}>{project.title}</a>
            </Heading>
            <p className="meta">
              {status && <span className="badge">{words.status[status] ?? status}</span>} {years(locale, project)}
              {project.countries?.map((country, index) => (
                <Fragment key={country.documentId}>
                  {index === 0 ? ' · ' : ', '}
                  <span lang={langOf(locale, country)}>{country.name}</span>
                </Fragment>
              ))}
            </p>
            {project.summary && <p lang={lang}>{project.summary}</p>}
          </li>
        );
      })}
    </ul>
  );
}
