/**
 * Demo cover images, drawn as SVG and rendered by sharp, so uploads exercise
 * the same sniffing, size limits and resizing as photos teachers upload. Each
 * palette gives its own, reproducible picture.
 */
import { crc32 } from 'node:zlib';

import sharp from 'sharp';

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export interface ImageSpec {
  palette: [string, string];
  width?: number;
  height?: number;
  format?: ImageFormat;
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Invalid hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  return toHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}

/** mulberry32: seeding from the palette gives each cover its own but reproducible layout. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Abstract cover art; no text because the seed environment may lack fonts with Vietnamese glyphs. */
export async function makeImage(spec: ImageSpec): Promise<Buffer> {
  const width = Math.round(spec.width ?? 1600);
  const height = Math.round(spec.height ?? 900);
  const format = spec.format ?? 'jpeg';
  if (!(width > 0 && height > 0 && width <= 8000 && height <= 8000)) {
    throw new Error(`Invalid image size: ${width}x${height}`);
  }
  // Colours are parsed and re-serialised so nothing from the spec reaches the SVG verbatim.
  const a = parseHex(spec.palette[0]);
  const b = parseHex(spec.palette[1]);
  const white: [number, number, number] = [255, 255, 255];
  const rand = rng(crc32(`${toHex(a)}${toHex(b)}`));
  const min = Math.min(width, height);

  const circles = Array.from({ length: 7 }, () => {
    const r = min * (0.08 + rand() * 0.3);
    const cx = rand() * width;
    const cy = rand() * height;
    const fill = mix(a, rand() < 0.5 ? b : white, rand());
    return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${(0.15 + rand() * 0.35).toFixed(2)}"/>`;
  }).join('');
  const wave = (y: number, amp: number, fill: string, opacity: number) => {
    const k = width / 4;
    return (
      `<path d="M0 ${y.toFixed(1)} C ${k.toFixed(1)} ${(y - amp).toFixed(1)}, ${(2 * k).toFixed(1)} ${(y + amp).toFixed(1)}, ` +
      `${(3 * k).toFixed(1)} ${y.toFixed(1)} S ${width} ${(y - amp).toFixed(1)}, ${width} ${y.toFixed(1)} ` +
      `L ${width} ${height} L 0 ${height} Z" fill="${fill}" fill-opacity="${opacity}"/>`
    );
  };
  const cardW = width * 0.42;
  const cardH = height * 0.34;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">' +
    `<stop offset="0" stop-color="${toHex(a)}"/><stop offset="1" stop-color="${toHex(b)}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>` +
    circles +
    wave(height * 0.72, height * 0.06, mix(a, white, 0.6), 0.35) +
    wave(height * 0.82, height * 0.05, mix(b, white, 0.5), 0.45) +
    `<rect x="${(width * 0.08).toFixed(1)}" y="${(height * 0.14).toFixed(1)}" width="${cardW.toFixed(1)}" height="${cardH.toFixed(1)}" ` +
    `rx="${(min * 0.03).toFixed(1)}" fill="#ffffff" fill-opacity="0.22"/>` +
    `</svg>`;

  const image = sharp(Buffer.from(svg)).flatten({ background: toHex(a) });
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 80 }).toBuffer();
    default: {
      const unknown: never = format;
      throw new Error(`Unsupported image format: ${String(unknown)}`);
    }
  }
}
