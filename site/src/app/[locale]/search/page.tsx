import type { Metadata } from 'next';
import { Crumbs, langOf, Pager } from '@/components/Parts';
import { search } from '@/lib/content';
import { formatNumber, t } from '@/lib/i18n';
import { readLocale, readPage, type LocaleParams } from '@/lib/params';
import { docHref, typeOfRoute } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

// Reads ?page= (or the query): rendered on every request; its data still comes from the CMS's own cache.
export const dynamic = 'force-dynamic';

type Props = LocaleParams & { searchParams: Promise<{ q?: string; page?: string }> };

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  // Result pages are not for search engines.
  return { ...listMetadata(locale, '/search', t(locale).search), robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const words = t(locale);
  const { q: raw } = await searchParams;
  const q = (raw ?? '').trim().slice(0, 200);
  const page = await readPage(searchParams);
  const results = q ? await search(locale, q, page) : null;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.search }]} />
      <h1>{words.search}</h1>
      <form role="search" method="get">
        <label htmlFor="search-page-q">{words.searchLabel}</label>{' '}
        <input id="search-page-q" type="search" name="q" defaultValue={q} required maxLength={200} />{' '}
        <button type="submit">{words.searchButton}</button>
      </form>
      {results && (
        <section aria-labelledby="results">
          <h2 id="results">
            {words.searchResultsFor} “{q}”
          </h2>
          <p className="meta" role="status">
            {words.searchCount(formatNumber(locale, results.meta.pagination.total))}
          </p>
          {results.data.length === 0 ? (
            <p>{words.searchNoResults}</p>
          ) : (
            <ol className="search-results" data-testid="search-results">
              {results.data.map((hit) => {
                const type = typeOfRoute(hit.type);
                // A fallback hit's title and snippet are English: lang on them, not on the <li>.
                const lang = langOf(locale, hit);
                return (
                  <li key={`${hit.type}-${hit.documentId}`}>
                    {type && hit.slug ? (
                      <a href={docHref(locale, type, hit.slug)} lang={lang}>
                        {hit.title}
                      </a>
                    ) : (
                      <span lang={lang}>{hit.title}</span>
                    )}
                    {/* The CMS escapes the text and adds only <mark> around the words found. */}
                    <p className="meta" lang={lang} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                  </li>
                );
              })}
            </ol>
          )}
          <Pager locale={locale} path={`/search?q=${encodeURIComponent(q)}`} page={page} pageCount={results.meta.pagination.pageCount} />
        </section>
      )}
    </>
  );
}
