import { draftMode } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';

/** Leaves the preview: this browser sees the published site again. */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  const from = request.headers.get('referer');
  const back = from && new URL(from).host === request.headers.get('host') ? new URL(from).pathname : '/';
  return new NextResponse(null, { status: 307, headers: { Location: back } });
}
