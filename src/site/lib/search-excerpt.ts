/**
 * Pagefind builds excerpts from the indexed text, which includes the hidden
 * copy with đ→d (SearchCopy.astro). The copy starts with COPY_MARK, so the
 * page's real text is what comes before it. An excerpt is put back into real
 * Vietnamese, keeping its <mark>s:
 *  1. found at the same place in the real text (folded alike): take the real
 *     characters there (foldD maps one character to one, so offsets agree);
 *  2. otherwise word by word: a word of the excerpt becomes the real word of
 *     this page that folds to it (the most frequent one when there are several).
 */
import { foldD } from '../../domain/fold-d';

export const COPY_MARK = '§';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function realExcerpt(excerpt: string, content: string): string {
  const cut = content.indexOf(COPY_MARK);
  const real = cut >= 0 ? content.slice(0, cut) : content;
  const parts = excerpt.split(/(<\/?mark>)/);
  const texts = parts.map((p, i) => (i % 2 === 0 ? decode(p) : ''));
  const plain = texts.join('');
  if (!plain.trim()) return excerpt;

  const at = foldD(real).indexOf(foldD(plain));
  if (at >= 0) {
    const source = real.slice(at, at + plain.length);
    let pos = 0;
    return parts
      .map((p, i) => {
        if (i % 2 === 1) return p;
        const chunk = source.slice(pos, pos + texts[i]!.length);
        pos += texts[i]!.length;
        return escape(chunk);
      })
      .join('');
  }

  const counts = new Map<string, Map<string, number>>();
  for (const word of real.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!/[đĐ]/.test(word)) continue;
    const key = foldD(word);
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(key, forms);
  }
  const best = (word: string) => {
    const forms = counts.get(word);
    if (!forms) return word;
    return [...forms].sort((a, b) => b[1] - a[1])[0]![0];
  };
  return parts
    .map((p, i) => (i % 2 === 1 ? p : escape(texts[i]!.replace(/[\p{L}\p{N}]+/gu, best).replace(COPY_MARK, ''))))
    .join('');
}
