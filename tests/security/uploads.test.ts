import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { expectJsonError, http } from '../helpers/http';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createApiToken, createSuperAdmin } from '../helpers/credentials';
import { contentOf } from '../../src/uploads/upload-policy';

let app: Core.Strapi;
let token: Awaited<ReturnType<typeof createApiToken>>;
let admin: Awaited<ReturnType<typeof createSuperAdmin>>;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.UPLOAD_MAX_FILE_SIZE = String(200 * 1024);
  process.env.UPLOAD_MAX_IMAGE_DIMENSION = '2000';
  process.env.UPLOAD_ALLOWED_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif,application/pdf';
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

const solid = () => sharp({ create: { width: 24, height: 16, channels: 3, background: '#c30' } });
const avif = () => solid().avif().toBuffer();
const webp = () => solid().webp().toBuffer();
/**
 * Our sharp cannot write HEVC, so this is an AVIF relabelled HEIC in its file-type box (`ftypheic`,
 * compatible brands mif1 heic), which is what file-type (and Strapi's own check) read.
 */
const heic = async () => {
  const bytes = Buffer.from(await avif());
  expect(bytes.toString('latin1', 4, 12)).toBe('ftypavif');
  bytes.write('heic', 8, 'latin1');
  bytes.write('mif1heic', 16, 'latin1');
  return bytes;
};

const pdf = (...objects: Array<string | Buffer>) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), ...objects.map((object) => (typeof object === 'string' ? Buffer.from(object, 'latin1') : object)), Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
const CATALOG = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
const SCRIPTED_PDFS: Array<[string, Buffer]> = [
  ['/OpenAction JavaScript', pdf('1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>\nendobj\n')],
  ['names written with #xx escapes', pdf('1 0 obj\n<< /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>\nendobj\n')],
  ['a Launch action', pdf(CATALOG, '3 0 obj\n<< /Type /Annot /A << /S /Launch /F (calc.exe) >> >>\nendobj\n')],
  [
    'JavaScript inside a compressed object stream',
    (() => {
      const objects = zlib.deflateSync(Buffer.from('3 0 << /S /JavaScript /JS (app.alert(1)) >>'));
      return pdf(
        '1 0 obj\n<< /Type /Catalog /OpenAction 3 0 R >>\nendobj\n',
        `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objects.length} >>\nstream\n`,
        objects,
        '\nendstream\nendobj\n'
      );
    })(),
  ],
  [
    'JavaScript after an unclosed string in the object before it',
    pdf('1 0 obj\n<< /Type /Catalog /Title (never closed >>\nendobj\n', '2 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n'),
  ],
  [
    'JavaScript after an unclosed string, both in one object stream',
    (() => {
      const open = '<< /Title (never closed >>\n';
      const header = `5 0 6 ${open.length} `;
      const objects = zlib.deflateSync(Buffer.from(`${header}${open}<< /S /JavaScript /JS (app.alert(1)) >>`));
      return pdf(
        '1 0 obj\n<< /Type /Catalog /OpenAction 6 0 R >>\nendobj\n',
        `4 0 obj\n<< /Type/Obj#53tm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${objects.length} >>\nstream\n`,
        objects,
        '\nendstream\nendobj\n'
      );
    })(),
  ],
];
// Mentions JavaScript in its title and its page text, and carries an image whose bytes spell /JS: no script.
const PLAIN_PDF = pdf(
  CATALOG,
  '3 0 obj\n<< /Title (How /JavaScript and /JS \\(work\\)) >>\nendobj\n',
  '4 0 obj\n<< /Length 40 >>\nstream\nBT /F1 12 Tf (JavaScript /JS) Tj ET /JS \nendstream\nendobj\n'
);

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
    ['SVG named .png, declared as nothing', () => SVG, 'x.png', 'application/octet-stream'],
    ['HEIC (browsers cannot show it)', heic, 'x.heic', 'image/heic'],
    ['HEIC named .jpg', heic, 'x.jpg', 'image/jpeg'],
    ...SCRIPTED_PDFS.map(([label, bytes]): [string, () => Buffer, string, string] => [`a PDF with ${label}`, () => bytes, 'report.pdf', 'application/pdf']),
    ['a PNG header with nothing readable after it', () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(8)]), 'x.png', 'image/png'],
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

describe('the type is read from the bytes (file-type), whatever the name says', () => {
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-upload-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const at = (name: string, bytes: Buffer) => {
    const file = path.join(fs.mkdtempSync(path.join(folder, 'file-')), name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it.each<[string, () => Promise<Buffer> | Buffer, object | undefined]>([
    ['x.avif', avif, { mime: 'image/avif', width: 24, height: 16 }],
    ['x.heic', heic, { mime: 'image/heic' }],
    ['x.webp', webp, { mime: 'image/webp', width: 24, height: 16 }],
    ['svg.png', () => SVG, undefined],
    ['xml-svg.png', () => XML_SVG, { mime: 'application/xml' }],
    ['page.jpg', () => HTML, undefined],
    ['script.pdf', () => SCRIPTED_PDFS[0][1], { mime: 'application/pdf', active: ['JavaScript', 'JS'] }],
    ['plain.pdf', () => PLAIN_PDF, { mime: 'application/pdf', active: [] }],
    // Read in one pass: deep nesting costs no more than its length.
    ['nested.pdf', () => pdf(CATALOG, `3 0 obj\n<< /Title ${'('.repeat(200_000)}HTML/JavaScript${')'.repeat(200_000)} >>\nendobj\n`), { mime: 'application/pdf', active: [] }],
  ])('%s', async (name, bytes, expected) => {
    expect(await contentOf(at(name, await bytes()))).toEqual(expected);
  });

  it.each(SCRIPTED_PDFS)('a PDF with %s is found to carry script', async (_label, bytes) => {
    expect((await contentOf(at('x.pdf', bytes)))?.active).toEqual(expect.arrayContaining([expect.stringMatching(/^(JavaScript|JS|Launch)$/)]));
  });
});

describe('allowed uploads', () => {
  it('AVIF, WebP and a PDF that only mentions JavaScript are stored with their own type', async () => {
    const stored = [];
    for (const [bytes, filename, contentType, mime] of [
      [await avif(), 'photo.avif', 'image/avif', 'image/avif'],
      [await avif(), 'photo-named.jpg', 'image/jpeg', 'image/avif'],
      [await webp(), 'photo.webp', 'image/webp', 'image/webp'],
      [PLAIN_PDF, 'about-js.pdf', 'application/pdf', 'application/pdf'],
    ] as const) {
      for (const send of [viaApi, viaAdmin]) {
        const res = await send(bytes, filename, contentType);
        expect([filename, res.status]).toEqual([filename, 201]);
        expect(res.body[0].mime).toBe(mime);
        if (mime.startsWith('image/')) expect(res.body[0]).toMatchObject({ width: 24, height: 16 });
        stored.push(res.body[0]);
        const served = await http(app).get(res.body[0].url);
        expect(served.status).toBe(200);
        expect(served.headers['x-content-type-options']).toBe('nosniff');
        expect(served.headers['content-type']).not.toMatch(/html|xml|javascript/);
      }
    }
    // Replacing a file's content (the media library's "Replace media") goes through the same gate.
    const replaced = await http(app)
      .post(`/upload?id=${stored[0].id}`)
      .set('Authorization', `Bearer ${admin.jwt}`)
      .attach('files', await solid().resize(12, 8).avif().toBuffer(), { filename: 'smaller.avif', contentType: 'image/avif' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: stored[0].id, mime: 'image/avif', width: 12, height: 8 });
    const refused = await http(app)
      .post(`/upload?id=${stored[0].id}`)
      .set('Authorization', `Bearer ${admin.jwt}`)
      .attach('files', await heic(), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expectJsonError(refused, 400);
    expect(await app.db.query('plugin::upload.file').findOne({ where: { id: stored[0].id } })).toMatchObject({ mime: 'image/avif', width: 12 });

    for (const file of stored) {
      await app.plugin('upload').service('upload').remove(await app.db.query('plugin::upload.file').findOne({ where: { id: file.id } }));
    }
  });


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
