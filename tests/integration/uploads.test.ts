import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { CollectionSlug } from 'payload';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { sampleDocument } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';
import { plainZip } from '../support/bad-files';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';

const ctx = useCmsWithStaff();

const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length });

async function filesOnDisk(kind: 'media' | 'documents'): Promise<string[]> {
  try {
    return (await readdir(path.join(ctx.cms.uploadsDir, kind))).sort();
  } catch {
    return [];
  }
}

/** Uploads a file that must be refused; asserts the message and that nothing was kept. */
async function expectRefused(collection: 'media' | 'documents', upload: ReturnType<typeof file>, message: RegExp) {
  const before = await filesOnDisk(collection);
  const countBefore = (await ctx.cms.payload.count({ collection: collection as CollectionSlug })).totalDocs;
  const data = collection === 'media' ? { alt: 'Ảnh thử' } : { title: 'Tài liệu thử' };
  const error = await ctx.cms.payload
    .create({ collection, data, file: upload, overrideAccess: false, user: ctx.staff.contributor })
    .then(
      () => undefined,
      (e: unknown) => e as Error & { status?: number; data?: { errors?: { message: string }[] } },
    );
  expect(error, 'the upload must be refused').toBeDefined();
  expect(error!.status).toBe(400);
  expect(error!.data?.errors?.[0]?.message ?? error!.message).toMatch(message);
  expect(await filesOnDisk(collection), 'no file left on disk').toEqual(before);
  expect(
    (await ctx.cms.payload.count({ collection: collection as CollectionSlug })).totalDocs,
    'no row left in the database',
  ).toBe(countBefore);
}

describe(`image uploads (media) on ${backendLabel[backend]}`, () => {
  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    it(`stores a ${format} with its webp sizes`, async () => {
      const base = await makeImage({ palette: ['#7b2d8b', '#f4a259'], width: 1800, height: 1000, format: 'png' });
      const data = format === 'png' ? base : await sharp(base)[format]().toBuffer();
      const ext = format === 'jpeg' ? 'jpg' : format;
      const doc = await ctx.cms.payload.create({
        collection: 'media',
        data: { alt: 'Học sinh thảo luận về bình đẳng giới' },
        file: file(data, `anh-bia.${ext}`, `image/${format}`),
        overrideAccess: false,
        user: ctx.staff.contributor,
      });
      expect(doc.mimeType).toBe(`image/${format}`);
      expect(doc.width).toBe(1800);
      const sizes = doc.sizes as Record<string, { filename: string; mimeType: string; width: number }>;
      expect(sizes.thumbnail?.mimeType).toBe('image/webp');
      expect(sizes.card?.width).toBe(768);
      expect(sizes.hero?.width).toBe(1600);
      const onDisk = await filesOnDisk('media');
      for (const name of [doc.filename, sizes.thumbnail!.filename, sizes.card!.filename, sizes.hero!.filename]) {
        expect(onDisk).toContain(name);
      }
    });
  }

  it('requires the Vietnamese alt text', async () => {
    const data = await makeImage({ palette: ['#111111', '#eeeeee'], width: 400, height: 300 });
    await expect(
      ctx.cms.payload.create({
        collection: 'media',
        data: {} as { alt: string },
        file: file(data, 'a.jpg', 'image/jpeg'),
      }),
    ).rejects.toThrow();
    expect(await filesOnDisk('media')).not.toContain('a.jpg');
  });

  it('names the file by its bytes: a JPEG called .png is stored as .jpg', async () => {
    const data = await makeImage({ palette: ['#0b3c5d', '#d9b310'], width: 400, height: 300, format: 'jpeg' });
    const doc = await ctx.cms.payload.create({
      collection: 'media',
      data: { alt: 'Ảnh' },
      file: file(data, 'ten-sai-duoi.png', 'image/png'),
    });
    expect(doc.mimeType).toBe('image/jpeg');
    expect(doc.filename).toMatch(/\.jpg$/);
  });

  it('refuses a renamed executable', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0x90)]);
    await expectRefused('media', file(elf, 'anh-dep.jpg', 'image/jpeg'), /không phải là ảnh được chấp nhận/);
  });

  it('refuses an SVG', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectRefused('media', file(svg, 'logo.svg', 'image/svg+xml'), /Chỉ nhận: JPEG, PNG, WebP, AVIF/);
  });

  it('refuses a file over the size limit (10 MB by default)', async () => {
    const jpeg = await makeImage({ palette: ['#222222', '#dddddd'], width: 400, height: 300 });
    const big = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    await expectRefused('media', file(big, 'anh-lon.jpg', 'image/jpeg'), /vượt giới hạn 10 MB/);
  });

  it('refuses an image with too many pixels without decoding it', async () => {
    const flood = await sharp({ create: { width: 9000, height: 5000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expectRefused('media', file(flood, 'qua-nhieu-diem-anh.png', 'image/png'), /quá lớn về kích thước/);
  });
});

describe(`document uploads on ${backendLabel[backend]}`, () => {
  for (const format of ['pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp'] as const) {
    it(`stores a ${format}`, async () => {
      const { data } = await sampleDocument(format);
      const doc = await ctx.cms.payload.create({
        collection: 'documents',
        data: { title: `Tài liệu ${format}` },
        file: file(data, `tai-lieu.${format}`, 'application/octet-stream'),
        overrideAccess: false,
        user: ctx.staff.contributor,
      });
      expect(doc.filename).toBe(`tai-lieu.${format}`);
      expect(await filesOnDisk('documents')).toContain(doc.filename);
    });
  }

  it('refuses an executable renamed .pdf', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 0)]);
    await expectRefused(
      'documents',
      file(exe, 'giao-an.pdf', 'application/pdf'),
      /không phải là tài liệu được chấp nhận/,
    );
  });

  it('refuses a plain zip renamed .docx', async () => {
    const zip = plainZip({ 'readme.txt': 'xin chào' });
    await expectRefused('documents', file(zip, 'giao-an.docx', 'application/octet-stream'), /Chỉ nhận: PDF, Word/);
  });

  it('refuses a document over 25 MB', async () => {
    const pdf = Buffer.concat([(await sampleDocument('pdf')).data, Buffer.alloc(25 * 1024 * 1024 + 1)]);
    await expectRefused('documents', file(pdf, 'lon.pdf', 'application/pdf'), /vượt giới hạn 25 MB/);
  });
});
