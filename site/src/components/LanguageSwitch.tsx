'use client';

import { usePathname } from 'next/navigation';

/**
 * The same document in the other language: slugs are shared, so only the first segment changes.
 * A client component only to know the path, which keeps the pages themselves cacheable.
 */
export function LanguageSwitch({ target, label, text }: { target: 'en' | 'km'; label: string; text: string }) {
  const pathname = usePathname() ?? '/';
  const rest = pathname.replace(/^\/(en|km)(?=\/|$)/, '');
  return (
    <a className="lang-switch" href={`/${target}${rest}`} hrefLang={target} lang={target} aria-label={label}>
      {text}
    </a>
  );
}
