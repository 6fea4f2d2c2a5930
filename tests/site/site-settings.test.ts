import http from 'http';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { createSuperAdmin } from '../helpers/credentials';
import { http as request } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { configureRevalidationWebhook, WEBHOOK_NAME } from '../../src/site/revalidation-webhook';

/**
 * The CMS's side of the website (site/): the revalidation webhook made at start from SITE_URL and
 * SITE_REVALIDATE_SECRET, and the preview links of config/admin.ts. The site itself is tested in
 * Chromium (tests/e2e/site.e2e.ts).
 */
type Received = { authorization?: string; body: { event: string; model: string; entry: { slug?: string; locale?: string } } };

let app: Core.Strapi;
let site: http.Server;
let siteUrl: string;
const received: Received[] = [];
const SECRET = 'revalidate-secret-for-tests';

const webhooks = async () =>
  ((await app.get('webhookStore').findWebhooks()) as Array<{ name: string; url: string; headers: Record<string, string>; events: string[] }>).filter((w) => w.name === WEBHOOK_NAME);

beforeAll(async () => {
  // A stand-in for the site's /api/revalidate: records what the CMS posts.
  site = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/api/revalidate') received.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  app = await startStrapi({ SITE_URL: siteUrl, SITE_REVALIDATE_SECRET: SECRET, PREVIEW_SECRET: 'preview-secret-for-tests' });
});

afterAll(async () => {
  // Leaves no webhook behind for the other tests' boots (they start without SITE_URL anyway).
  app.config.set('site', { url: '', revalidateSecret: '', previewSecret: '' });
  await configureRevalidationWebhook(app);
  await stopStrapi(app);
  await new Promise((resolve) => site.close(resolve));
});

describe('the revalidation webhook', () => {
  it('is created at start, once, with the secret as a bearer token and the entry and media events', async () => {
    const [webhook, ...more] = await webhooks();
    expect(more).toHaveLength(0);
    expect(webhook.url).toBe(`${siteUrl}/api/revalidate`);
    expect(webhook.headers).toEqual({ Authorization: `Bearer ${SECRET}` });
    expect(webhook.events).toEqual(expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.update', 'entry.delete', 'media.update']));
    // A second start (same settings) neither duplicates nor changes it.
    await configureRevalidationWebhook(app);
    expect(await webhooks()).toEqual([webhook]);
  });

  it('tells the site which document changed when one is published', async () => {
    const projects = app.documents('api::project.project');
    const [project] = await projects.findMany({ locale: 'en', filters: { slug: 'phnom-penh-pupr-phase-2-slum-upgrading' }, fields: ['title'] });
    await projects.update({ documentId: project.documentId, locale: 'en', data: { title: `${project.title} ` } as never });
    await projects.publish({ documentId: project.documentId, locale: 'en' });
    const deadline = Date.now() + 5000;
    while (!received.some((r) => r.body.event === 'entry.publish') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const publish = received.find((r) => r.body.event === 'entry.publish');
    expect(publish).toMatchObject({ authorization: `Bearer ${SECRET}`, body: { model: 'project', entry: { slug: 'phnom-penh-pupr-phase-2-slum-upgrading', locale: 'en' } } });
    await projects.update({ documentId: project.documentId, locale: 'en', data: { title: project.title } as never });
    await projects.publish({ documentId: project.documentId, locale: 'en' });
  });

  it('follows a changed SITE_URL, and goes when SITE_URL is emptied', async () => {
    const settings = app.config.get('site') as { url: string; revalidateSecret: string; previewSecret: string };
    app.config.set('site', { ...settings, url: 'https://www.example.org' });
    await configureRevalidationWebhook(app);
    expect((await webhooks()).map((w) => w.url)).toEqual(['https://www.example.org/api/revalidate']);
    app.config.set('site', { ...settings, url: '' });
    await configureRevalidationWebhook(app);
    expect(await webhooks()).toEqual([]);
    app.config.set('site', settings);
    await configureRevalidationWebhook(app);
    expect(await webhooks()).toHaveLength(1);
  });
});

describe('preview links (config/admin.ts)', () => {
  type Handler = (uid: string, params: { documentId: string; locale?: string; status?: string }) => Promise<string | undefined>;
  const handler = () => app.config.get('admin.preview.config.handler') as Handler;

  it('open the site\'s preview route for the document, in the edited locale, with the secret', async () => {
    expect(app.config.get('admin.preview.enabled')).toBe(true);
    expect(app.config.get('admin.preview.config.allowedOrigins')).toEqual([siteUrl]);
    const [project] = await app.documents('api::project.project').findMany({ locale: 'km', filters: { slug: 'phnom-penh-pupr-phase-2-slum-upgrading' }, fields: ['slug'] });
    // Through the admin route: the link needs a signed-in role that may read the type (docs/security.md).
    const admin = await createSuperAdmin(app);
    const res = await request(app)
      .get('/content-manager/preview/url/api::project.project')
      .query({ documentId: project.documentId, locale: 'km', status: 'draft' })
      .set({ Authorization: `Bearer ${admin.jwt}` });
    expect(res.status).toBe(200);
    const url = new URL(res.body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${siteUrl}/api/preview`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ secret: 'preview-secret-for-tests', type: 'project', slug: 'phnom-penh-pupr-phase-2-slum-upgrading', locale: 'km', status: 'draft' });
  });

  it('are not offered for types without pages on the site', async () => {
    const [partner] = await app.documents('api::partner.partner').findMany({ locale: 'en', fields: ['slug'], limit: 1 });
    expect(await handler()('api::partner.partner', { documentId: partner.documentId, locale: 'en', status: 'draft' })).toBeUndefined();
  });
});
