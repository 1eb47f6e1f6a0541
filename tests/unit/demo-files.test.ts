import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { DOCUMENT_FORMATS, documentType } from '../../src/domain/file-types';
import { demoImages, demoTeachingResources } from '../../src/seed/demo-content';
import { readDemoFile, sampleDocument } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';

const FILES_DIR = fileURLToPath(new URL('../../src/seed/files/', import.meta.url));
const withFiles = demoTeachingResources.filter((r) => r.file);
const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

describe('the committed demo files (src/seed/files)', () => {
  it.each(withFiles.map((r) => [r.file!.filename, r.file!.format] as const))(
    '%s is a real %s, by its bytes, and small',
    async (filename, format) => {
      expect(filename.endsWith(`.${format}`)).toBe(true);
      const data = await readDemoFile(filename);
      expect(await fileTypeFromBuffer(data)).toEqual({ ext: format, mime: documentType(format).mime });
      // Parents pay for every byte on mobile data; a demo file has no reason to be big.
      expect(data.length).toBeGreaterThan(1024);
      expect(data.length).toBeLessThan(80 * 1024);
    },
  );

  it('cover every document format the column accepts', () => {
    expect(new Set(withFiles.map((r) => r.file!.format))).toEqual(new Set(DOCUMENT_FORMATS));
  });

  it('are exactly the files the demo names (nothing stale left in the folder)', () => {
    const committed = readdirSync(FILES_DIR).filter((f) => /\.(pdf|docx|pptx|xlsx|odt|odp)$/.test(f));
    expect(committed.sort()).toEqual(withFiles.map((r) => r.file!.filename).sort());
  });

  it.skipIf(!hasUnzip)('office files pass `unzip -t`', () => {
    for (const r of withFiles.filter((r) => r.file!.format !== 'pdf')) {
      const result = spawnSync('unzip', ['-tq', `${FILES_DIR}${r.file!.filename}`], { encoding: 'utf8' });
      expect(result.status, `${r.file!.filename}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  });

  it('sampleDocument gives the demo file of a format; names with folders are refused', async () => {
    const { filename, data } = await sampleDocument('odp');
    expect(filename).toBe('trinh-chieu-khtn-8-tuoi-day-thi.odp');
    expect(data.equals(await readDemoFile(filename))).toBe(true);
    await expect(readDemoFile('../seed.ts')).rejects.toThrow(/Not a demo file name/);
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
