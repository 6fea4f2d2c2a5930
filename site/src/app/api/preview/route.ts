import { draftMode } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { config } from '@/lib/config';
import { isLocale } from '@/lib/i18n';
import { docPath } from '@/lib/paths';
import { sameSecret } from '@/lib/secrets';

const PREVIEWABLE = new Set(['project', 'country', 'programme', 'theme', 'voice', 'photo-gallery', 'publication', 'speech', 'vacancy', 'page', 'global']);

/**
 * The admin panel's preview (config/admin.ts in the CMS) opens
 * /api/preview?secret=…&type=project&slug=…&locale=km&status=draft: with the right secret, it turns on Next's
 * draft mode for this browser and shows the page, whose data then comes from the CMS's drafts,
 * read with the read-only preview token. Without the secret nothing changes: drafts are never
 * reachable from a public address.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  if (!config.previewSecret || !config.previewToken) {
    return NextResponse.json({ error: 'Preview is not configured on this site (PREVIEW_SECRET, STRAPI_PREVIEW_TOKEN).' }, { status: 503 });
  }
  if (!sameSecret(params.get('secret'), config.previewSecret)) {
    return NextResponse.json({ error: 'Missing or wrong preview secret.' }, { status: 401 });
  }
  const type = params.get('type') ?? '';
  const slug = params.get('slug') ?? '';
  const locale = params.get('locale') ?? 'en';
  if (!PREVIEWABLE.has(type) || !isLocale(locale) || (type !== 'global' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))) {
    return NextResponse.json({ error: 'type, slug and locale must name a document of this site (e.g. type=project&slug=…&locale=km).' }, { status: 400 });
  }
  // The admin panel's "Published" tab previews what visitors see: the public page, without drafts.
  if (params.get('status') === 'published') (await draftMode()).disable();
  else (await draftMode()).enable();
  const path = type === 'global' ? '' : docPath(type, slug);
  // A relative Location: the browser stays on the host name it used, where the cookie was set
  // (behind a proxy, request.url may name another one).
  return new NextResponse(null, { status: 307, headers: { Location: `/${locale}${path}` } });
}
