import { NextResponse, type NextRequest } from 'next/server';

/**
 * Addresses without a language: the home page goes to the reader's language (Khmer when the
 * browser prefers it), anything else to the English address of the same path (which is a 404 in
 * English if there is no such page). Addresses under /en and /km never come through here (see
 * matcher), so cached pages are served without running any code.
 */
export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const prefersKhmer = /^\s*km\b/i.test(request.headers.get('accept-language') ?? '');
  const target = pathname === '/' ? `/${prefersKhmer ? 'km' : 'en'}` : `/en${pathname}`;
  return NextResponse.redirect(new URL(`${target}${search}`, request.url), 307);
}

export const config = {
  matcher: ['/((?!en(?:/|$)|km(?:/|$)|api/|_next/|sitemap\\.xml$|robots\\.txt$|favicon\\.ico$).*)'],
};
