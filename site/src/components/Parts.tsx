import type { ReactNode } from 'react';
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

export function Crumbs({ locale, trail }: { locale: Locale; trail: Array<{ label: string; path?: string }> }) {
  const words = t(locale);
  return (
    <nav className="crumbs" aria-label={words.breadcrumb}>
      <ol>
        <li>
          <a href={href(locale, '/')}>{words.home}</a>
        </li>
        {trail.map((step, index) => (
          <li key={index}>{step.path ? <a href={href(locale, step.path)}>{step.label}</a> : <span aria-current="page">{step.label}</span>}</li>
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

/** Content in the language it was served in: lang only where it differs from the page's. */
export function InLanguage({ locale, entry, children, as: Tag = 'div', className }: { locale: Locale; entry: Pick<Entry, 'locale'>; children: ReactNode; as?: 'div' | 'article' | 'li' | 'span'; className?: string }) {
  return (
    <Tag className={className} lang={entry.locale !== locale ? entry.locale : undefined}>
      {children}
    </Tag>
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
