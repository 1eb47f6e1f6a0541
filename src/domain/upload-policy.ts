/**
 * What the column accepts as uploads, and the Vietnamese message when a file
 * is refused. Pure: the CMS hook detects the type from the bytes (file-type)
 * and the pixel count (sharp), then asks this module.
 */

import { slugify } from './slug';

export type AllowedType = { mime: string; extensions: readonly string[]; label: string };

export type UploadPolicy = {
  /** Shown in messages: "ảnh", "tài liệu". */
  noun: string;
  types: readonly AllowedType[];
  maxBytes: number;
  /** Width × height limit against decompression bombs; images only. */
  maxPixels?: number;
};

export const MB = 1024 * 1024;

export const IMAGE_TYPES: readonly AllowedType[] = [
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  { mime: 'image/webp', extensions: ['webp'], label: 'WebP' },
  { mime: 'image/avif', extensions: ['avif'], label: 'AVIF' },
];

export const DOCUMENT_TYPES: readonly AllowedType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (PPTX)',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument văn bản (ODT)' },
  {
    mime: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    label: 'OpenDocument trình chiếu (ODP)',
  },
];

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
  | { ok: false; reason: 'type' | 'size' | 'pixels' | 'empty'; message: string };

function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`.replace('.', ',');
}

export function acceptedTypesLabel(policy: UploadPolicy): string {
  return policy.types.map((t) => t.label).join(', ');
}

export function checkUpload(policy: UploadPolicy, file: UploadCandidate): UploadVerdict {
  if (file.size === 0) {
    return { ok: false, reason: 'empty', message: `Tệp "${file.filename}" trống (0 byte). Hãy chọn lại tệp.` };
  }
  if (file.size > policy.maxBytes) {
    return {
      ok: false,
      reason: 'size',
      message:
        `Tệp "${file.filename}" nặng ${formatMegabytes(file.size)}, vượt giới hạn ${formatMegabytes(policy.maxBytes)} cho ${policy.noun}. ` +
        `Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.`,
    };
  }
  const type = policy.types.find((t) => t.mime === file.detectedMime);
  if (!type) {
    return {
      ok: false,
      reason: 'type',
      message:
        `Nội dung tệp "${file.filename}" không phải là ${policy.noun} được chấp nhận ` +
        `(hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp). Chỉ nhận: ${acceptedTypesLabel(policy)}.`,
    };
  }
  if (policy.maxPixels !== undefined && (file.pixels === undefined || file.pixels > policy.maxPixels)) {
    const mp = file.pixels === undefined ? 'không đọc được' : `${Math.round(file.pixels / 1e6)} triệu điểm ảnh`;
    return {
      ok: false,
      reason: 'pixels',
      message:
        `Ảnh "${file.filename}" quá lớn về kích thước (${mp}; tối đa ${Math.round(policy.maxPixels / 1e6)} triệu điểm ảnh). ` +
        `Hãy thu nhỏ ảnh (ví dụ cạnh dài 4000 điểm ảnh) rồi tải lên lại.`,
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
