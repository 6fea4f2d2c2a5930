import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createApiToken, createSuperAdmin } from '../helpers/credentials';

let app: Core.Strapi;
let token: Awaited<ReturnType<typeof createApiToken>>;
let admin: Awaited<ReturnType<typeof createSuperAdmin>>;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.UPLOAD_MAX_FILE_SIZE = String(200 * 1024);
  process.env.UPLOAD_MAX_IMAGE_DIMENSION = '2000';
  app = await startStrapi();
  token = await createApiToken(app, 'full-access');
  admin = await createSuperAdmin(app);
});
afterAll(async () => {
  if (token) await app.service('admin::api-token').revoke(token.id);
  if (admin) await app.db.query('admin::user').delete({ where: { id: admin.id } });
  await stopStrapi(app);
  process.env = saved;
});

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
const XML_SVG = Buffer.from(`<?xml version="1.0"?>${SVG.toString()}`);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const JS = Buffer.from('alert(document.cookie)');
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0a0' } }).png().toBuffer();

const files = () => app.db.query('plugin::upload.file').count();

const viaApi = (buffer: Buffer, filename: string, contentType: string) =>
  http(app).post('/api/upload').set('Authorization', `Bearer ${token.accessKey}`).attach('files', buffer, { filename, contentType });
const viaAdmin = (buffer: Buffer, filename: string, contentType: string) =>
  http(app).post('/upload').set('Authorization', `Bearer ${admin.jwt}`).attach('files', buffer, { filename, contentType });

describe('disguised uploads are refused with a 4xx JSON error and leave nothing behind', () => {
  const cases: Array<[string, () => Promise<Buffer> | Buffer, string, string]> = [
    ['SVG declared as SVG', () => SVG, 'x.svg', 'image/svg+xml'],
    ['SVG declared as PNG', () => SVG, 'x.png', 'image/png'],
    ['SVG with an XML declaration, declared as PNG', () => XML_SVG, 'x.png', 'image/png'],
    ['HTML declared as JPEG', () => HTML, 'x.jpg', 'image/jpeg'],
    ['HTML declared as HTML', () => HTML, 'x.html', 'text/html'],
    ['JavaScript declared as GIF', () => JS, 'x.gif', 'image/gif'],
    ['HTML declared as PDF', () => HTML, 'x.pdf', 'application/pdf'],
    ['an image too large in pixels', () => png(2001, 10), 'wide.png', 'image/png'],
    ['a file above the size limit', () => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(201 * 1024, 32)]), 'big.pdf', 'application/pdf'],
  ];

  it.each(cases)('%s', async (_label, content, filename, contentType) => {
    const before = await files();
    for (const send of [viaApi, viaAdmin]) {
      const res = await send(await content(), filename, contentType);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectJsonError(res, res.status);
    }
    expect(await files()).toBe(before);
  });
});

describe('allowed uploads', () => {
  it('a PNG and a PDF are stored with the type their content has, and served with nosniff', async () => {
    const image = await viaApi(await png(40, 30), 'photo.png', 'image/png');
    expect(image.status).toBe(201);
    expect(image.body[0]).toMatchObject({ mime: 'image/png', width: 40, height: 30 });
    const served = await http(app).get(image.body[0].url);
    expect(served.status).toBe(200);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toBeUndefined();

    // JPEG bytes declared as PNG: kept, but as what they are.
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).jpeg().toBuffer();
    const relabelled = await viaAdmin(jpeg, 'relabelled.png', 'image/png');
    expect(relabelled.status).toBe(201);
    expect(relabelled.body[0].mime).toBe('image/jpeg');

    const pdf = await viaApi(Buffer.from('%PDF-1.4\n%%EOF\n'), 'report.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body[0].mime).toBe('application/pdf');

    for (const file of [image.body[0], relabelled.body[0], pdf.body[0]]) {
      await app.plugin('upload').service('upload').remove(await app.db.query('plugin::upload.file').findOne({ where: { id: file.id } }));
    }
  });
});
