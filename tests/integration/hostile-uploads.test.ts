import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { makeImage } from '../../src/seed/generate-files';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';

/**
 * Hostile uploads beyond the basic checks in uploads.test.ts: empty files, a
 * PNG whose header claims 50,000 × 50,000 pixels, and file names that try to
 * climb out of the uploads folder or break the file system.
 */
const ctx = useCmsWithStaff();
const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length });

async function everyFile(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function attempt(collection: 'media' | 'documents', upload: ReturnType<typeof file>) {
  const data = collection === 'media' ? { alt: 'Ảnh thử' } : { title: 'Tài liệu thử' };
  return ctx.cms.payload.create({ collection, data, file: upload, overrideAccess: false, user: ctx.staff.contributor }).then(
    (doc) => ({ doc: doc as { id: unknown; filename?: string }, error: undefined }),
    (error: unknown) => ({ doc: undefined, error: error as Error & { status?: number; data?: { errors?: { message: string }[] } } }),
  );
}

const message = (error: { message: string; data?: { errors?: { message: string }[] } }) => error.data?.errors?.[0]?.message ?? error.message;

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
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
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
    for (const name of ['../../../etc/anh.jpg', '..\\..\\anh.jpg', 'anh\u0000.jpg.exe', `${'ảnh-đẹp-'.repeat(40)}.jpg`]) {
      const { doc, error } = await attempt('media', file(image, name, 'image/jpeg'));
      expect(error?.message, JSON.stringify(name)).toBeUndefined();
      expect(doc!.filename, JSON.stringify(name)).toMatch(/^[a-z0-9-]+\.jpg$/);
      expect(doc!.filename!.length).toBeLessThanOrEqual(84);
    }
    const outsideAfter = await everyFile(path.dirname(ctx.cms.uploadsDir));
    const added = outsideAfter.filter((f) => !outsideBefore.includes(f));
    for (const f of added) expect(f.startsWith(`${ctx.cms.uploadsDir}${path.sep}`), f).toBe(true);
  });
});
