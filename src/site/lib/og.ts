/** The Open Graph image: a 1200px JPEG made by Astro's image service and served by the site itself. */
import { getImage } from 'astro:assets';

import type { Media } from '../../site-loader/schemas';
import { imageSource } from './images';

export async function ogImage(media: Media | undefined) {
  if (!media) return undefined;
  const source = imageSource(media);
  const width = Math.min(1200, source.width);
  const height = Math.round((width * source.height) / source.width);
  const image = await getImage({ src: source.src, width, height, format: 'jpeg' });
  return { src: image.src, width, height, alt: media.alt };
}
