/**
 * File sizes as Vietnamese readers write them: "850 B", "12 KB", "1,2 MB"
 * (decimal comma, binary units as Windows and phones show them). The site's
 * library and the upload messages both call this.
 */

export const KB = 1024;
export const MB = 1024 * KB;

const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** Rounds up, so a file just over a limit never reads as the limit itself ("25,1 MB", not "25 MB"). */
const oneDecimalUp = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, roundingMode: 'ceil' });

export type ByteFormatOptions = {
  /** Round up instead of to the nearest (for "this file is too big" messages). */
  roundUp?: boolean;
};

/**
 * Whole bytes below 1 KB, whole kilobytes below 1 MB, then megabytes with at
 * most one decimal: 0 → "0 B", 1023 → "1023 B", 1024 → "1 KB",
 * 1 300 000 → "1,2 MB", 25 MB → "25 MB".
 */
export function formatBytes(bytes: number, options: ByteFormatOptions = {}): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a file size: ${bytes}`);
  const round = options.roundUp ? Math.ceil : Math.round;
  if (bytes < KB) return `${round(bytes)} B`;
  const kb = round(bytes / KB);
  // 1 048 575 bytes is "1 MB", not "1024 KB".
  if (kb < 1024) return `${kb} KB`;
  return `${(options.roundUp ? oneDecimalUp : oneDecimal).format(bytes / MB)} MB`;
}
