/**
 * `đ`/`Đ` → `d`/`D`. Unicode has them as letters of their own, not `d` plus a
 * combining mark, so stripping diacritics (NFD) leaves them in place, and
 * Pagefind indexes "đình" apart from "dinh". Slugs, stored file names and the
 * search copy of each page all go through this one fold. One character for
 * one, so offsets in the folded text are offsets in the original.
 */
export function foldD(text: string): string {
  return text.replace(/[đĐ]/g, (ch) => (ch === 'đ' ? 'd' : 'D'));
}
