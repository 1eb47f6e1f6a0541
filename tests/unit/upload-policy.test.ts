import { describe, expect, it } from 'vitest';

import { checkUpload, documentPolicy, imagePolicy, MB } from '../../src/domain/upload-policy';

const images = imagePolicy();
const documents = documentPolicy();

describe('checkUpload', () => {
  it('accepts an allowed image and keeps a matching name', () => {
    const v = checkUpload(images, { filename: 'anh.webp', size: 1000, detectedMime: 'image/webp', pixels: 1000 });
    expect(v).toMatchObject({ ok: true, filename: 'anh.webp' });
  });

  it('renames a file whose extension contradicts its bytes', () => {
    const v = checkUpload(images, { filename: 'anh.png', size: 1000, detectedMime: 'image/jpeg', pixels: 1000 });
    expect(v).toMatchObject({ ok: true, filename: 'anh.jpg' });
    const noExt = checkUpload(documents, { filename: 'giao-an', size: 1000, detectedMime: 'application/pdf' });
    expect(noExt).toMatchObject({ ok: true, filename: 'giao-an.pdf' });
  });

  it('stores the file under a safe name: base name only, Vietnamese folded, no NUL, at most 80 characters', () => {
    const name = (filename: string) =>
      (checkUpload(images, { filename, size: 1000, detectedMime: 'image/jpeg', pixels: 1000 }) as { filename: string })
        .filename;
    expect(name('Ảnh đẹp Ngày 8-3.JPG')).toBe('anh-dep-ngay-8-3.jpg');
    expect(name('../../../etc/passwd.jpg')).toBe('passwd.jpg');
    expect(name('..\\..\\windows\\anh.jpeg')).toBe('anh.jpeg');
    expect(name('anh\u0000.jpg.exe')).toBe('anh-jpg.jpg');
    expect(name('.htaccess')).toBe('htaccess.jpg');
    expect(name('????.jpg')).toBe('tep.jpg');
    const long = name(`${'ảnh-đẹp-'.repeat(40)}.jpg`);
    expect(long.length).toBeLessThanOrEqual(84);
    expect(long).toMatch(/^anh-dep(-anh-dep)*\.jpg$/);
  });

  it('refuses unknown bytes, whatever the name says', () => {
    const v = checkUpload(images, { filename: 'anh.jpg', size: 1000, detectedMime: undefined });
    expect(v).toMatchObject({ ok: false, reason: 'type' });
    if (!v.ok) expect(v.message).toContain('Chỉ nhận: JPEG, PNG, WebP, AVIF');
  });

  it('refuses SVG and other types outside the list', () => {
    expect(checkUpload(images, { filename: 'a.svg', size: 10, detectedMime: 'image/svg+xml' })).toMatchObject({
      ok: false,
      reason: 'type',
    });
    expect(checkUpload(documents, { filename: 'a.zip', size: 10, detectedMime: 'application/zip' })).toMatchObject({
      ok: false,
    });
    expect(checkUpload(images, { filename: 'a.pdf', size: 10, detectedMime: 'application/pdf' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses a file one byte over the limit and accepts one exactly at it', () => {
    const at = checkUpload(images, { filename: 'a.jpg', size: 10 * MB, detectedMime: 'image/jpeg', pixels: 1 });
    const over = checkUpload(images, { filename: 'a.jpg', size: 10 * MB + 1, detectedMime: 'image/jpeg', pixels: 1 });
    expect(at.ok).toBe(true);
    expect(over).toMatchObject({ ok: false, reason: 'size' });
    if (!over.ok) expect(over.message).toMatch(/vượt giới hạn 10 MB/);
  });

  it('refuses too many pixels, or an image whose size cannot be read', () => {
    expect(
      checkUpload(images, { filename: 'a.png', size: 10, detectedMime: 'image/png', pixels: 40_000_001 }),
    ).toMatchObject({ reason: 'pixels' });
    expect(checkUpload(images, { filename: 'a.png', size: 10, detectedMime: 'image/png' })).toMatchObject({
      reason: 'pixels',
    });
    expect(checkUpload(images, { filename: 'a.png', size: 10, detectedMime: 'image/png', pixels: 40_000_000 }).ok).toBe(
      true,
    );
  });

  it('refuses an empty file', () => {
    expect(checkUpload(documents, { filename: 'a.pdf', size: 0, detectedMime: 'application/pdf' })).toMatchObject({
      reason: 'empty',
    });
  });

  it('the document limit defaults to 25 MB', () => {
    expect(documents.maxBytes).toBe(25 * MB);
  });
});
