'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A menu link that says when it is the page being read (aria-current), for screen readers too. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || (href.split('/').length > 2 && pathname?.startsWith(`${href}/`));
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
