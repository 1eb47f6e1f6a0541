/**
 * Vietnamese presentation for the site's templates: reading time here; dates,
 * file sizes, file types and the đ-fold for search are the domain's own
 * (src/domain), under the names the templates use.
 */
export { formatBytes as formatFileSize } from '../../domain/bytes';
export { fileTypeLabel } from '../../domain/file-types';
export { foldD } from '../../domain/fold-d';
/** "05/03/2024": the day in Vietnam, whatever the build machine's zone. */
export { formatVietnamDate as formatDate } from '../../domain/vietnam-time';

/** Words of a text (Vietnamese syllables are space-separated). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "3 phút đọc": 200 syllables a minute, at least 1. */
export function readingTime(text: string): string {
  return `${Math.max(1, Math.round(wordCount(text) / 200))} phút đọc`;
}

/** ISO date-time without milliseconds, for <time datetime> and JSON-LD. */
export function isoDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
