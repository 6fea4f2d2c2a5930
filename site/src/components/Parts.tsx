import { Fragment } from 'react';
import { mediaUrl } from '@/lib/cms';
import { formatDigits, t, type Locale } from '@/lib/i18n';
import { href } from '@/lib/paths';
import type { Entry, Media } from '@/lib/types';

/**
 * Shown when a Khmer address serves the English version (the document has no Khmer version yet):
 * the notice is in Khmer, and the content below it carries lang="en".
 */
export function FallbackNotice({ locale, entry }: { locale: Locale; entry: Pick<Entry, 'locale'> }) {
  if (entry.locale === locale) return null;
  return (
    <p className="notice" role="note" data-testid="fallback-notice">
      {t(locale).fallbackNotice}
    </p>
  );
}

/** A step of the breadcrumb; `lang` when its label is a document's title served in another language (a fallback). */
export type Crumb = { label: string; path?: string; lang?: string };

export function Crumbs({ locale, trail }: { locale: Locale; trail: Crumb[] }) {
  const words = t(locale);
  return (
    <nav className="crumbs" aria-label={words.breadcrumb}>
      <ol>
        <li>
          <a href={href(locale, '/')}>{words.home}</a>
        </li>
        {trail.map((step, index) => (
          <li key={index}>{step.path ? <a href={href(locale, step.path)}>{step.label}</a> : <span aria-current="page" lang={step.lang}>{step.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** An image from the CMS, at a size the layout needs (a smaller format when Strapi made one). */
export function CmsImage({ media, alt, size = 'medium', className }: { media: Media | null | undefined; alt?: string | null; size?: 'thumbnail' | 'small' | 'medium' | 'large' | 'original'; className?: string }) {
  if (!media) return null;
  const format = size === 'original' ? undefined : media.formats?.[size];
  const src = format?.url ?? media.url;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img className={className} src={mediaUrl(src)} alt={alt ?? media.alternativeText ?? ''} width={format?.width ?? media.width ?? undefined} height={format?.height ?? media.height ?? undefined} loading="lazy" />
  );
}

/**
 * The lang attribute for a document's own text (title, summary, names) when it was served in
 * another language than the page's (the English fallback on a Khmer page); none otherwise.
 * Put it on those text elements only, never on a whole card: a card also holds interface words,
 * dates and digits in the page's language, which must keep its font and line height.
 */
export const langOf = (locale: Locale, entry: Pick<Entry, 'locale'> | null | undefined): string | undefined =>
  entry && entry.locale !== locale ? entry.locale : undefined;

/** One fact of a meta line: a document's text carries its `lang`; interface words, dates and digits none. */
export type Fact = { text: string | number | null | undefined | false; lang?: string };

/** A " · "-separated line of facts (empty ones left out), each in its own language. */
export function Facts({ facts, className = 'meta' }: { facts: Fact[]; className?: string }) {
  const shown = facts.filter((fact) => fact.text || fact.text === 0);
  if (shown.length === 0) return null;
  return (
    <p className={className}>
      {shown.map((fact, index) => (
        <Fragment key={index}>
          {index > 0 && ' · '}
          {fact.lang ? <span lang={fact.lang}>{fact.text}</span> : fact.text}
        </Fragment>
      ))}
    </p>
  );
}

export function Pager({ locale, path, page, pageCount }: { locale: Locale; path: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const words = t(locale);
  const link = (n: number) => `${href(locale, path)}${n > 1 ? `?page=${n}` : ''}`;
  return (
    <nav className="pager" aria-label={words.page}>
      {page > 1 && (
        <a href={link(page - 1)} rel="prev">
          {words.previous}
        </a>
      )}
      <span>
        {words.page} {formatDigits(locale, page)} / {formatDigits(locale, pageCount)}
      </span>
      {page < pageCount && (
        <a href={link(page + 1)} rel="next">
          {words.next}
        </a>
      )}
    </nav>
  );
}
