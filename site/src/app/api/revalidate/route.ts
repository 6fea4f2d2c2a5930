import { revalidateTag } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { tags } from '@/lib/cms';
import { config } from '@/lib/config';
import { sameSecret } from '@/lib/secrets';

/**
 * Strapi's webhook (configured by the CMS at start from SITE_URL and SITE_REVALIDATE_SECRET) calls
 * this after every change. It expires exactly the cached pages that show the changed document:
 * its own page (doc tag), and the lists and pages that show documents of its type (type tag).
 * Other pages stay cached.
 */
interface WebhookEvent {
  event?: unknown;
  model?: unknown;
  entry?: { slug?: unknown } | null;
}

export async function POST(request: NextRequest) {
  if (!config.revalidateSecret) {
    return NextResponse.json({ error: 'Revalidation is not configured on this site (SITE_REVALIDATE_SECRET).' }, { status: 503 });
  }
  const presented = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
  if (!sameSecret(presented, config.revalidateSecret)) {
    return NextResponse.json({ error: 'Missing or wrong secret.' }, { status: 401 });
  }
  let body: WebhookEvent;
  try {
    body = (await request.json()) as WebhookEvent;
  } catch {
    return NextResponse.json({ error: 'The body must be a Strapi webhook event (JSON).' }, { status: 400 });
  }
  if (typeof body?.event !== 'string') {
    return NextResponse.json({ error: 'The body must be a Strapi webhook event: "event" is missing.' }, { status: 400 });
  }

  const expired: string[] = [];
  if (body.event.startsWith('media.')) {
    // A file's URL, alt text or formats: shown anywhere.
    expired.push(tags.all);
  } else if (body.model === 'global') {
    expired.push('global');
  } else if (typeof body.model === 'string' && /^[a-z0-9-]+$/.test(body.model)) {
    expired.push(tags.type(body.model));
    const slug = body.entry?.slug;
    if (typeof slug === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) expired.push(tags.doc(body.model, slug));
  } else {
    // An event this site does not know how to narrow down: everything.
    expired.push(tags.all);
  }
  for (const tag of expired) revalidateTag(tag);
  return NextResponse.json({ revalidated: expired });
}
