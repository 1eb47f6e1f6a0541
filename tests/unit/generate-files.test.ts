import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { demoImages, demoTeachingResources } from '../../src/seed/demo-content';
import {
  DOCUMENT_MIME_TYPES,
  makeDocument,
  makeImage,
  makeOfficeDocument,
  makePdf,
  toAscii,
  type DocumentFormat,
  type OfficeFormat,
} from '../../src/seed/generate-files';

const TITLE = 'Giáo án GDCD 8: Bình đẳng giới trong gia đình';
const LINES = [
  'Bình đẳng giới là việc nam, nữ có vị trí, vai trò ngang nhau và được tạo điều kiện như nhau.',
  'Cả gia đình cùng chia sẻ việc nhà – không có việc nào là “việc của riêng mẹ”.',
  'Lớp\tNam\tNữ',
  '6A1\t20\t22',
  ...Array.from({ length: 60 }, (_, i) => `Dòng ${i + 1}: đồng hành (cùng nhau) \\ phòng chống bạo lực.`),
];

const OFFICE_FORMATS: OfficeFormat[] = ['docx', 'pptx', 'xlsx', 'odt', 'odp'];

/**
 * Reads the archive through its central directory and checks every entry's
 * CRC, independently of the writer (which file-type never exercises, as it
 * only walks local headers).
 */
function readZip(buf: Buffer): Map<string, { method: number; data: Buffer }> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBe(buf.length - 22);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  expect(p + buf.readUInt32LE(eocd + 12)).toBe(eocd);
  const entries = new Map<string, { method: number; data: Buffer }>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(crc32(data) >>> 0, name).toBe(crc);
    expect(data.length, name).toBe(buf.readUInt32LE(p + 24));
    entries.set(name, { method, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

describe('makePdf', () => {
  const pdf = makePdf(TITLE, LINES);

  it('is detected as application/pdf', async () => {
    expect(await fileTypeFromBuffer(pdf)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
  });

  it('has a consistent cross-reference table and stream lengths', () => {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const size = Number(/^xref\n0 (\d+)\n/.exec(text.slice(startxref))?.[1]);
    expect(size).toBeGreaterThan(5);
    const table = startxref + `xref\n0 ${size}\n`.length;
    for (let id = 1; id < size; id++) {
      const offset = Number(text.slice(table + id * 20, table + id * 20 + 10));
      expect(text.startsWith(`${id} 0 obj\n`, offset), `object ${id}`).toBe(true);
    }
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const end = m.index + m[0].length + Number(m[1]);
      expect(text.slice(end, end + 10)).toBe('\nendstream');
    }
    // 64 lines do not fit on one A4 page.
    expect(Number(/\/Type \/Pages .* \/Count (\d+)/.exec(text)?.[1])).toBeGreaterThan(1);
  });

  it('keeps the Vietnamese title in metadata and prints readable ASCII text', () => {
    const text = pdf.toString('latin1');
    const utf16be = Buffer.from(TITLE, 'utf16le').swap16().toString('hex').toUpperCase();
    expect(text).toContain(`/Title <FEFF${utf16be}>`);
    expect(text).toContain('(Giao an GDCD 8: Binh dang gioi trong gia dinh) Tj');
    expect(text).toContain('(Lop | Nam | Nu) Tj');
    expect(text).toContain('(Dong 1: dong hanh \\(cung nhau\\) \\\\ phong chong bao luc.) Tj');
    expect(/[^\x00-\x7f]/.test(text.slice(text.indexOf('stream\n')))).toBe(false);
  });
});

describe('toAscii', () => {
  it('folds Vietnamese diacritics and typographic punctuation', () => {
    expect(toAscii('Bình đẳng giới – Đoàn “Thủ lĩnh”…')).toBe('Binh dang gioi - Doan "Thu linh"...');
  });
});

describe('makeOfficeDocument', () => {
  it.each(OFFICE_FORMATS)('%s is detected with its own MIME type', async (format) => {
    const doc = makeOfficeDocument(format, TITLE, LINES);
    expect(await fileTypeFromBuffer(doc)).toEqual({ ext: format, mime: DOCUMENT_MIME_TYPES[format] });
  });

  it.each(OFFICE_FORMATS)('%s is a valid zip that carries the UTF-8 Vietnamese text', (format) => {
    const entries = readZip(makeOfficeDocument(format, TITLE, LINES));
    const xml = [...entries.values()].map((e) => e.data.toString('utf8')).join('\n');
    expect(xml).toContain('Bình đẳng giới trong gia đình');
    expect(xml).toContain('“việc của riêng mẹ”');
    for (const [name, { data }] of entries) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) {
        expect(data.toString('utf8').startsWith('<?xml version="1.0" encoding="UTF-8"'), name).toBe(true);
      }
    }
  });

  it.each(['odt', 'odp'] as const)('%s starts with an uncompressed mimetype entry', (format) => {
    const doc = makeOfficeDocument(format, TITLE, LINES);
    const mime = DOCUMENT_MIME_TYPES[format];
    expect(doc.readUInt32LE(0)).toBe(0x04034b50);
    expect(doc.readUInt16LE(8)).toBe(0); // stored
    expect(doc.readUInt16LE(28)).toBe(0); // no extra field
    expect(doc.toString('ascii', 30, 38 + mime.length)).toBe(`mimetype${mime}`);
    const manifest = readZip(doc).get('META-INF/manifest.xml')?.data.toString('utf8');
    expect(manifest).toContain(`manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mime}"`);
  });

  it.each(['docx', 'pptx', 'xlsx'] as const)('%s puts [Content_Types].xml first', (format) => {
    const doc = makeOfficeDocument(format, TITLE, LINES);
    expect(doc.toString('ascii', 30, 30 + '[Content_Types].xml'.length)).toBe('[Content_Types].xml');
  });

  it('xlsx stores numeric cells as numbers and text as inline strings', () => {
    const sheet = readZip(makeOfficeDocument('xlsx', TITLE, LINES))
      .get('xl/worksheets/sheet1.xml')
      ?.data.toString('utf8');
    // Row 1 is the title and row 2 is left blank, so LINES start at row 3.
    expect(sheet).toContain('<c r="B5" t="inlineStr"><is><t xml:space="preserve">Nam</t></is></c>');
    expect(sheet).toContain('<c r="B6"><v>20</v></c><c r="C6"><v>22</v></c>');
  });

  it('is deterministic', () => {
    for (const format of OFFICE_FORMATS) {
      expect(makeOfficeDocument(format, TITLE, LINES).equals(makeOfficeDocument(format, TITLE, LINES))).toBe(true);
    }
  });

  it.skipIf(!hasUnzip)('passes `unzip -t`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-files-'));
    try {
      for (const format of OFFICE_FORMATS) {
        const file = join(dir, `doc.${format}`);
        writeFileSync(file, makeOfficeDocument(format, TITLE, LINES));
        const r = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
        expect(r.status, `${format}: ${r.stdout}${r.stderr}`).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo teaching resources', () => {
  it('cover all six file formats, each generated as its declared type', async () => {
    const seen = new Set<DocumentFormat>();
    for (const resource of demoTeachingResources) {
      if (!resource.file) continue;
      const { format, filename } = resource.file;
      seen.add(format);
      expect(filename.endsWith(`.${format}`)).toBe(true);
      const buf = makeDocument(format, resource.title, [resource.summary, ...resource.learningGoals]);
      expect(await fileTypeFromBuffer(buf), filename).toEqual({ ext: format, mime: DOCUMENT_MIME_TYPES[format] });
    }
    expect([...seen].sort()).toEqual(['docx', 'odp', 'odt', 'pdf', 'pptx', 'xlsx']);
  });
});

describe('makeImage', () => {
  it('defaults to a 1600x900 JPEG', async () => {
    const img = await makeImage({ palette: demoImages[0]!.palette });
    expect(await fileTypeFromBuffer(img)).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    const meta = await sharp(img).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 900]);
  });

  it.each([
    ['png', 'png', 'image/png'],
    ['webp', 'webp', 'image/webp'],
  ] as const)('renders %s', async (format, ext, mime) => {
    const img = await makeImage({ palette: ['#1565c0', '#80deea'], width: 640, height: 360, format });
    expect(await fileTypeFromBuffer(img)).toEqual({ ext, mime });
    const meta = await sharp(img).metadata();
    expect([meta.width, meta.height]).toEqual([640, 360]);
  });

  it('rejects colours that are not hex', async () => {
    await expect(makeImage({ palette: ['red"/><script>', '#fff'] })).rejects.toThrow(/hex colour/);
  });
});
