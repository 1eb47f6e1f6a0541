/** Vietnamese presentation: dates dd/mm/yyyy in Vietnam's time, reading time, file sizes, đ-folding for search. */
import { VIETNAM_OFFSET_MS } from '../../domain/quarters';

const pad = (n: number) => String(n).padStart(2, '0');

/** "05/03/2024" — the date in Vietnam (UTC+7), whatever the build machine's zone. */
export function formatDate(iso: string | Date): string {
  const d = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Words of a text (Vietnamese syllables are space-separated). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "3 phút đọc": 200 syllables a minute, at least 1. */
export function readingTime(text: string): string {
  return `${Math.max(1, Math.round(wordCount(text) / 200))} phút đọc`;
}

/** "1,2 MB", "850 KB" with a Vietnamese decimal comma. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word DOCX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint PPTX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel XLSX',
  'application/vnd.oasis.opendocument.text': 'Văn bản ODT',
  'application/vnd.oasis.opendocument.presentation': 'Trình chiếu ODP',
};

export function fileTypeLabel(mimeType: string, filename: string): string {
  return FILE_TYPES[mimeType] ?? (filename.split('.').pop() ?? mimeType).toUpperCase();
}

/**
 * Pagefind treats `đ` as a letter of its own (not `d` with a mark), so a reader
 * typing "gia dinh" would not find "gia đình". The indexed hidden copy of each
 * page goes through this. Same length as the input, so an excerpt found in the
 * copy maps back to the real text character for character.
 */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** ISO date-time without milliseconds, for <time datetime> and JSON-LD. */
export function isoDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
