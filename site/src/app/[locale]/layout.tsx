import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '../globals.css';
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/Chrome';
import { CmsUnavailableError, isPreview } from '@/lib/cms';
import { config } from '@/lib/config';
import { getCountryMenu, getGlobal } from '@/lib/content';
import { isLocale, type Locale } from '@/lib/i18n';

// Nothing is rendered at build time (the build needs no CMS): each page is rendered on its first
// request, then served from the cache until a webhook or the revalidation time says it changed.
export const generateStaticParams = async () => [];

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const global = await getGlobal(locale).catch(() => null);
  const siteName = global?.siteName ?? 'UN-Habitat';
  return {
    metadataBase: new URL(config.siteUrl),
    title: { template: `%s · ${siteName}`, default: siteName },
    openGraph: { siteName },
  };
}

const orNothing = async <T,>(promise: Promise<T>, nothing: T): Promise<T> => {
  try {
    return await promise;
  } catch (error) {
    // The chrome can do without the CMS (a built-in menu); the page itself will say it is unavailable.
    if (error instanceof CmsUnavailableError) return nothing;
    throw error;
  }
};

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  const [global, countries, preview] = await Promise.all([orNothing(getGlobal(locale), null), orNothing(getCountryMenu(locale), []), isPreview()]);
  return (
    <html lang={locale}>
      <body>
        <SiteHeader locale={locale} global={global} countries={countries} preview={preview} />
        <main id="content" tabIndex={-1}>
          <div className="wrap">{children}</div>
        </main>
        <SiteFooter locale={locale} global={global} />
      </body>
    </html>
  );
}
