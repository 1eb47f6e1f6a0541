import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

import { handleEndpoints } from 'payload';
import { describe, expect, it } from 'vitest';

import { sampleDocument } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';
import { plainZip } from '../support/bad-files';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';

/**
 * Hostile uploads beyond the basic checks in uploads.test.ts: empty files, a
 * PNG whose header claims 50,000 × 50,000 pixels, file names that try to
 * climb out of the uploads folder or break the file system, and polyglots.
 */
const ctx = useCmsWithStaff();
const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length });

async function everyFile(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function attempt(collection: 'media' | 'documents', upload: ReturnType<typeof file>) {
  const data = collection === 'media' ? { alt: 'Ảnh thử' } : { title: 'Tài liệu thử' };
  return ctx.cms.payload
    .create({ collection, data, file: upload, overrideAccess: false, user: ctx.staff.contributor })
    .then(
      (doc) => ({ doc: doc as { id: unknown; filename?: string }, error: undefined }),
      (error: unknown) => ({
        doc: undefined,
        error: error as Error & { status?: number; data?: { errors?: { message: string }[] } },
      }),
    );
}

const message = (error: { message: string; data?: { errors?: { message: string }[] } }) =>
  error.data?.errors?.[0]?.message ?? error.message;

/** A PNG made of a real header claiming `width` × `height` and no pixel data worth the name. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe(`hostile uploads on ${backendLabel[backend]}`, () => {
  it('refuses empty files, with a message, leaving nothing behind', async () => {
    const before = await everyFile(ctx.cms.uploadsDir);
    for (const [collection, name, type] of [
      ['media', 'rong.jpg', 'image/jpeg'],
      ['documents', 'rong.pdf', 'application/pdf'],
    ] as const) {
      const { error } = await attempt(collection, file(Buffer.alloc(0), name, type));
      expect(error, `${collection}: an empty file must be refused`).toBeDefined();
      expect(error!.status).toBe(400);
      expect(message(error!)).toMatch(/[àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/i);
    }
    expect(await everyFile(ctx.cms.uploadsDir)).toEqual(before);
  });

  it('refuses a PNG that claims 50,000 × 50,000 pixels, from its header alone', async () => {
    const before = await everyFile(ctx.cms.uploadsDir);
    const { error } = await attempt('media', file(pngHeader(50_000, 50_000), 'bom.png', 'image/png'));
    expect(error).toBeDefined();
    expect(message(error!)).toMatch(/quá lớn về kích thước/);
    expect(await everyFile(ctx.cms.uploadsDir)).toEqual(before);
  });

  it('stores files under safe names inside the uploads folder, whatever the name says (../, \\, NUL, 320 Vietnamese letters)', async () => {
    const image = await makeImage({ palette: ['#8a1c5c', '#f0a3cf'], width: 320, height: 200 });
    const outsideBefore = await everyFile(path.dirname(ctx.cms.uploadsDir));
    for (const name of [
      '../../../etc/anh.jpg',
      '..\\..\\anh.jpg',
      'anh\u0000.jpg.exe',
      `${'ảnh-đẹp-'.repeat(40)}.jpg`,
    ]) {
      const { doc, error } = await attempt('media', file(image, name, 'image/jpeg'));
      expect(error?.message, JSON.stringify(name)).toBeUndefined();
      expect(doc!.filename, JSON.stringify(name)).toMatch(/^[a-z0-9-]+\.jpg$/);
      expect(doc!.filename!.length).toBeLessThanOrEqual(84);
    }
    const outsideAfter = await everyFile(path.dirname(ctx.cms.uploadsDir));
    const added = outsideAfter.filter((f) => !outsideBefore.includes(f));
    for (const f of added) expect(f.startsWith(`${ctx.cms.uploadsDir}${path.sep}`), f).toBe(true);
  });

  it('a polyglot (a real JPEG that is also an HTML page and a ZIP) is stored as an image and never served as a page', async () => {
    const jpeg = await makeImage({ palette: ['#1b4965', '#cae9ff'], width: 320, height: 200 });
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const zip = plainZip({ 'index.html': html });
    const polyglot = Buffer.concat([jpeg, html, zip]);
    const { doc, error } = await attempt('media', file(polyglot, 'anh-bia.jpg', 'image/jpeg'));
    expect(error?.message).toBeUndefined();
    const media = doc as unknown as { filename: string; sizes: Record<string, { filename: string }> };

    // What readers get (the site's copies) is re-encoded by sharp: the page inside is gone.
    const made = Object.values(media.sizes).filter((size) => size.filename);
    expect(made.length).toBeGreaterThan(0);
    for (const size of made) {
      const bytes = await readFile(path.join(ctx.cms.uploadsDir, 'media', size.filename));
      expect(bytes.includes('<script'), size.filename).toBe(false);
    }
    // The original, as the CMS serves it: an image, with no sniffing and no script allowed.
    const response = await handleEndpoints({
      config: ctx.cms.config,
      request: new Request(`http://localhost:3000/api/media/file/${media.filename}`),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'none'/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('a PDF that also carries HTML is served as a PDF with no sniffing; an office file is a download', async () => {
    const { data: pdf } = await sampleDocument('pdf');
    const polyglot = Buffer.concat([pdf, Buffer.from('<html><script>alert(1)</script></html>')]);
    const { doc, error } = await attempt('documents', file(polyglot, 'phieu.pdf', 'application/pdf'));
    expect(error?.message).toBeUndefined();
    const served = await handleEndpoints({
      config: ctx.cms.config,
      request: new Request(`http://localhost:3000/api/documents/file/${doc!.filename}`),
    });
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/script-src 'none'/);

    const { data: docx } = await sampleDocument('docx');
    const office = await attempt(
      'documents',
      file(docx, 'giao-an.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    );
    const download = await handleEndpoints({
      config: ctx.cms.config,
      request: new Request(`http://localhost:3000/api/documents/file/${office.doc!.filename}`),
    });
    expect(download.headers.get('content-disposition')).toBe('attachment');
  });
});
