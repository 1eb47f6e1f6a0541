/**
 * Images: what a 12-megapixel upload costs, and what readers download.
 *  - sharp producing every size the media collection defines (thumbnail, card,
 *    hero; WebP), against the baseline of merely decoding the JPEG, in the
 *    same run; and the whole upload through Payload's Local API (checks,
 *    sizes, files written, SQLite row) on a fresh temporary CMS.
 *  - bytes of the hero image (1600 px) as AVIF and WebP, encoded as Astro's
 *    sharp service does (its default qualities), against the original JPEG.
 * The picture is synthetic — shapes under photographic-like noise, JPEG q90 —
 * so bytes for real photos differ; the ratios are what to read.
 * Results: bench/results/images.json.
 */
import { writeFile } from 'node:fs/promises';

import type { UploadConfig } from 'payload';
import sharp from 'sharp';

import { Media } from '../src/cms/collections/Media';
import { SKIP_SITE_REBUILD } from '../src/cms/site-build/hooks';
import { makeImage } from '../src/seed/images';
import { median, round } from './support/stats';

const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = 5;

async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** A 12 MP JPEG that compresses like a photo rather than like flat graphics. */
async function photoLike(): Promise<Buffer> {
  const shapes = await makeImage({ palette: ['#8a1c5c', '#3a6ea5'], width: WIDTH, height: HEIGHT, format: 'png' });
  // sharp ignores the background when it makes noise; its typings still ask for one.
  const grain = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  })
    .blur(0.8)
    .png()
    .toBuffer();
  return sharp(shapes)
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function benchImages() {
  const original = await photoLike();
  const sizes = ((Media.upload as UploadConfig).imageSizes ?? []).map((s) => ({
    name: s.name,
    width: s.width ?? undefined,
    height: s.height ?? undefined,
    withoutEnlargement: s.withoutEnlargement,
  }));

  const decodeMs = await timed(() => sharp(original).raw().toBuffer());
  const allSizesMs = await timed(() =>
    Promise.all(
      sizes.map((s) =>
        sharp(original)
          .resize({ width: s.width, height: s.height, withoutEnlargement: s.withoutEnlargement })
          .webp({ quality: 80 })
          .toBuffer(),
      ),
    ),
  );

  // The hero as readers get it: Astro's <Picture> re-encodes the CMS's 1600 px copy.
  const hero = await sharp(original).resize({ width: 1600 }).toBuffer();
  const heroAvif = await sharp(hero).avif().toBuffer();
  const heroWebp = await sharp(hero).webp().toBuffer();
  const heroJpeg = await sharp(hero).jpeg().toBuffer();

  // The whole upload through Payload (SQLite, temporary folder).
  const { startTestCms } = await import('../tests/support/cms');
  (process.env as Record<string, string>).NODE_ENV ??= 'test';
  process.env.TEST_BACKEND ??= 'sqlite';
  const cms = await startTestCms();
  let n = 0;
  let payloadUploadMs: number;
  try {
    payloadUploadMs = await timed(
      () =>
        cms.payload.create({
          collection: 'media',
          data: { alt: `Ảnh thử ${++n}` },
          file: { data: original, name: `anh-${n}.jpg`, mimetype: 'image/jpeg', size: original.length },
          context: { [SKIP_SITE_REBUILD]: true },
        }),
      3,
    );
  } finally {
    await cms.stop();
  }

  const result = {
    benchmark: 'images',
    node: process.versions.node,
    sharp: { sharp: sharp.versions.sharp, vips: sharp.versions.vips },
    input: {
      width: WIDTH,
      height: HEIGHT,
      megapixels: (WIDTH * HEIGHT) / 1e6,
      jpegBytes: original.length,
      note: 'synthetic: shapes under gaussian grain, JPEG q90',
    },
    sizes: sizes.map((s) => s.name),
    decodeMedianMs: round(decodeMs),
    allSizesMedianMs: round(allSizesMs),
    allSizesVsDecode: round(allSizesMs / decodeMs, 2),
    payloadUploadMedianMs: round(payloadUploadMs),
    payloadUploadVsDecode: round(payloadUploadMs / decodeMs, 2),
    hero: {
      width: 1600,
      avifBytes: heroAvif.length,
      webpBytes: heroWebp.length,
      jpegBytes: heroJpeg.length,
      avifVsOriginal: round(heroAvif.length / original.length, 3),
      webpVsOriginal: round(heroWebp.length / original.length, 3),
      avifVsSameSizeJpeg: round(heroAvif.length / heroJpeg.length, 2),
      webpVsSameSizeJpeg: round(heroWebp.length / heroJpeg.length, 2),
    },
    measuredAt: new Date().toISOString(),
  };
  await writeFile(new URL('./results/images.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchImages(), null, 2));
}
