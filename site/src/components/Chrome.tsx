import { LanguageSwitch } from './LanguageSwitch';
import { NavLink } from './NavLinks';
import { otherLocale, t, type Locale } from '@/lib/i18n';
import { href, navHref } from '@/lib/paths';
import type { Country, Global, NavLink as NavEntry } from '@/lib/types';

/** The menu when the CMS's `global` is not there (not yet published, or the CMS is down). */
const defaultNavigation = (locale: Locale): NavEntry[] => {
  const words = t(locale);
  return [
    { id: 1, label: words.projects, href: '/projects' },
    { id: 2, label: words.voices, href: '/voices' },
    { id: 3, label: words.programmes, href: '/programmes' },
    { id: 4, label: words.photoGalleries, href: '/photo-galleries' },
    { id: 5, label: `${words.publications} / ${words.speeches}`, href: '/publications' },
    { id: 6, label: words.vacancies, href: '/vacancies' },
  ];
};

export function SiteHeader({ locale, global, countries, preview }: { locale: Locale; global: Global | null; countries: Country[]; preview: boolean }) {
  const words = t(locale);
  const other = otherLocale(locale);
  const navigation = global?.navigation?.length ? global.navigation : defaultNavigation(locale);
  return (
    <>
      <a className="skip" href="#content">
        {words.skipToContent}
      </a>
      {preview && (
        <div className="preview-banner" role="status">
          <div className="wrap">
            {words.previewBanner} <a href="/api/preview/exit">{words.exitPreview}</a>
          </div>
        </div>
      )}
      <header className="site">
        <div className="wrap">
          <div className="top">
            <div lang={global?.locale ?? locale}>
              <a className="brand" href={href(locale, '/')}>
                {global?.siteName ?? 'UN-Habitat'}
              </a>
              {global?.tagline && <p className="tagline">{global.tagline}</p>}
            </div>
            <div className="tools">
              <form role="search" action={href(locale, '/search')} method="get">
                <label htmlFor="site-search" className="skip">
                  {words.searchLabel}
                </label>
                <input id="site-search" type="search" name="q" required maxLength={200} placeholder={words.search} />
                <button type="submit">{words.searchButton}</button>
              </form>
              <LanguageSwitch target={other} label={words.switchToLabel} text={words.switchTo} />
            </div>
          </div>
          <nav className="main" aria-label={words.mainMenu}>
            <ul>
              {navigation.map((link) => (
                <li key={link.id}>
                  <NavLink href={navHref(locale, link.href)}>{link.label}</NavLink>
                  {link.children && link.children.length > 0 && (
                    <ul>
                      {link.children.map((child) => (
                        <li key={child.id}>
                          <NavLink href={navHref(locale, child.href)}>{child.label}</NavLink>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
            {countries.length > 0 && (
              <details className="countries">
                <summary>{words.countriesMenu}</summary>
                <ol aria-label={words.countriesMenu} data-testid="country-menu">
                  {countries.map((country) => (
                    <li key={country.documentId} lang={country.locale}>
                      <a href={href(locale, `/countries/${country.slug}`)}>{country.name}</a>
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </nav>
        </div>
      </header>
    </>
  );
}

export function SiteFooter({ locale, global }: { locale: Locale; global: Global | null }) {
  const words = t(locale);
  return (
    <footer className="site">
      <div className="wrap" lang={global?.locale ?? locale}>
        {global?.footer && <p>{global.footer}</p>}
        {global?.contact && (
          <address>
            <strong>{words.contact}:</strong> {global.contact.address}
            {global.contact.phone && <> · {global.contact.phone}</>}
            {global.contact.email && (
              <>
                {' '}
                · <a href={`mailto:${global.contact.email}`}>{global.contact.email}</a>
              </>
            )}
          </address>
        )}
        <p>
          <a href={href(locale, '/themes')}>{words.themes}</a> · <a href={href(locale, '/countries')}>{words.countries}</a> ·{' '}
          <a href={href(locale, '/speeches')}>{words.speeches}</a> · <a href={href(locale, '/search')}>{words.search}</a>
        </p>
      </div>
    </footer>
  );
}
