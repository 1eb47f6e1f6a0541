/**
 * What the column accepts as uploads, and the Vietnamese message when a file
 * is refused. Pure: the CMS hook detects the type from the bytes (file-type)
 * and the pixel count (sharp), then asks this module.
 */

import { renderMessage } from '../messages/catalogue';
import { formatBytes, MB } from './bytes';
import { DOCUMENT_TYPES, type FileType, IMAGE_TYPES } from './file-types';
import { slugify } from './slug';

// The collections take their MIME lists from here; the table itself lives in file-types.ts.
export { DOCUMENT_TYPES, IMAGE_TYPES, MB };

export type AllowedType = FileType;

export type UploadPolicy = {
  /** Shown in messages: "ảnh", "tài liệu". */
  noun: string;
  types: readonly AllowedType[];
  maxBytes: number;
  /** Width × height limit against decompression bombs; images only. */
  maxPixels?: number;
};

/** 40 megapixels: more than any phone camera, far below a pixel-flood bomb. */
export const DEFAULT_MAX_PIXELS = 40_000_000;

export function imagePolicy(maxMegabytes = 10, maxPixels = DEFAULT_MAX_PIXELS): UploadPolicy {
  return { noun: 'ảnh', types: IMAGE_TYPES, maxBytes: maxMegabytes * MB, maxPixels };
}

export function documentPolicy(maxMegabytes = 25): UploadPolicy {
  return { noun: 'tài liệu', types: DOCUMENT_TYPES, maxBytes: maxMegabytes * MB };
}

export type UploadCandidate = {
  filename: string;
  size: number;
  /** What the bytes say, or undefined when no known type was recognised. */
  detectedMime: string | undefined;
  /** Only for images: width × height read from the header. */
  pixels?: number;
};

export type UploadVerdict =
  | { ok: true; type: AllowedType; /** The filename with the extension the bytes call for. */ filename: string }
  | {
      ok: false;
      reason: 'type' | 'size' | 'pixels' | 'empty';
      /** The catalogue message (src/messages/catalogue.ts). */
      name: 'UploadWrongType' | 'UploadTooHeavy' | 'UploadTooManyPixels' | 'UploadEmpty';
      message: string;
    };

export function acceptedTypesLabel(policy: UploadPolicy): string {
  return policy.types.map((t) => t.label).join(', ');
}

export function checkUpload(policy: UploadPolicy, file: UploadCandidate): UploadVerdict {
  const { filename } = file;
  if (file.size === 0) {
    return {
      ok: false,
      reason: 'empty',
      name: 'UploadEmpty',
      message: renderMessage('UploadEmpty', { filename }).text,
    };
  }
  if (file.size > policy.maxBytes) {
    const details = {
      filename,
      size: formatBytes(file.size, { roundUp: true }),
      limit: formatBytes(policy.maxBytes),
      noun: policy.noun,
    };
    return {
      ok: false,
      reason: 'size',
      name: 'UploadTooHeavy',
      message: renderMessage('UploadTooHeavy', details).text,
    };
  }
  const type = policy.types.find((t) => t.mime === file.detectedMime);
  if (!type) {
    const details = { filename, noun: policy.noun, accepted: acceptedTypesLabel(policy) };
    return {
      ok: false,
      reason: 'type',
      name: 'UploadWrongType',
      message: renderMessage('UploadWrongType', details).text,
    };
  }
  if (policy.maxPixels !== undefined && (file.pixels === undefined || file.pixels > policy.maxPixels)) {
    const details = { filename, pixels: file.pixels, maxPixels: policy.maxPixels };
    return {
      ok: false,
      reason: 'pixels',
      name: 'UploadTooManyPixels',
      message: renderMessage('UploadTooManyPixels', details).text,
    };
  }
  return { ok: true, type, filename: withExtension(file.filename, type) };
}

/**
 * The name the file is stored under: the base name only (no folders, so no
 * `../`), as a slug (Vietnamese letters folded, `đ` → `d`; no NUL, spaces or
 * shell characters; at most 80 characters, so never too long for the file
 * system), with the extension the bytes call for. "Ảnh đẹp.PNG" of a JPEG
 * becomes "anh-dep.jpg".
 */
function withExtension(filename: string, type: AllowedType): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  return `${slugify(stem) || 'tep'}.${type.extensions.includes(ext) ? ext : type.extensions[0]}`;
}
