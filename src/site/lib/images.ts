/** CMS images through Astro's image service (sharp): AVIF + WebP, responsive widths, explicit size, CMS alt text. */
import { getImage } from 'astro:assets';

import { versionedFileUrl } from '../../domain/file-version';
import { payloadUrl } from '../../site-loader/astro-loader';
import type { Media } from '../../site-loader/schemas';
import { escapeHTML } from './richtext';

export type ImageSource = { src: string; width: number; height: number };

/**
 * The largest copy worth downloading at build time: the CMS's 1600px "hero"
 * WebP when present. Its address carries the file's version, so Astro's image
 * cache reuses what it encoded last build until the file changes.
 */
export function imageSource(media: Media): ImageSource {
  const hero = media.sizes.hero;
  const base = payloadUrl().replace(/\/+$/, '');
  if (hero?.filename && hero.width && hero.height) {
    return {
      src: versionedFileUrl(`${base}/api/media/file/${encodeURIComponent(hero.filename)}`, media.updatedAt),
      width: hero.width,
      height: hero.height,
    };
  }
  return {
    src: versionedFileUrl(`${base}/api/media/file/${encodeURIComponent(media.filename)}`, media.updatedAt),
    width: media.width,
    height: media.height,
  };
}

export const BODY_WIDTHS = [360, 720, 1080];
export const BODY_SIZES = '(min-width: 48rem) 45rem, 100vw';

/** A <figure><picture> for an image inside rich text (same output as <Picture>). */
export async function pictureHtml(media: Media): Promise<string> {
  const source = imageSource(media);
  const widths = BODY_WIDTHS.filter((w) => w <= source.width);
  const opts = {
    src: source.src,
    width: source.width,
    height: source.height,
    widths: widths.length ? widths : [source.width],
    sizes: BODY_SIZES,
  };
  const [avif, webp] = await Promise.all([
    getImage({ ...opts, format: 'avif' }),
    getImage({ ...opts, format: 'webp' }),
  ]);
  const caption = [media.caption, media.credit ? `Ảnh: ${media.credit}` : undefined].filter(Boolean).join(' — ');
  return (
    `<figure><picture>` +
    `<source type="image/avif" srcset="${escapeHTML(avif.srcSet.attribute)}" sizes="${BODY_SIZES}">` +
    `<source type="image/webp" srcset="${escapeHTML(webp.srcSet.attribute)}" sizes="${BODY_SIZES}">` +
    `<img src="${escapeHTML(webp.src)}" alt="${escapeHTML(media.alt)}" width="${source.width}" height="${source.height}" loading="lazy" decoding="async">` +
    `</picture>${caption ? `<figcaption>${escapeHTML(caption)}</figcaption>` : ''}</figure>`
  );
}
