'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';

type Props = { target: 'en' | 'km'; label: string; text: string };

/**
 * The same document in the other language: slugs are shared, so only the first segment changes,
 * and the query (?q= of a search, ?page= of a list) is kept so the reader stays on the same results.
 * A client component only to know the address, which keeps the pages themselves cacheable.
 *
 * useSearchParams makes a statically rendered page fall back to client rendering up to the nearest
 * Suspense boundary (and `next build` refuses it without one): the cached HTML holds the fallback,
 * the same link without the query, so the switch works before (and without) JavaScript too.
 */
export function LanguageSwitch(props: Props) {
  return (
    <Suspense fallback={<SwitchLink {...props} search="" />}>
      <SwitchWithQuery {...props} />
    </Suspense>
  );
}

function SwitchWithQuery(props: Props) {
  const query = useSearchParams()?.toString() ?? '';
  return <SwitchLink {...props} search={query ? `?${query}` : ''} />;
}

/**
 * The accessible name is the visible text (WCAG 2.5.3 Label in Name), in the other language's
 * lang so screen readers pick its voice; the hint ("Read this page in Khmer") is in the page's
 * language on the link itself, as its title: a tooltip for readers who cannot read the other
 * script, and the link's accessible description for screen readers.
 */
function SwitchLink({ target, label, text, search }: Props & { search: string }) {
  const pathname = usePathname() ?? '/';
  const rest = pathname.replace(/^\/(en|km)(?=\/|$)/, '');
  return (
    <a className="lang-switch" href={`/${target}${rest}${search}`} hrefLang={target} title={label}>
      <span lang={target}>{text}</span>
    </a>
  );
}
