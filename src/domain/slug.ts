/**
 * Slugs for Vietnamese titles: diacritics removed, `đ` → `d`, lowercase ASCII
 * words joined by `-`. Pure: the CMS hook, the seed and the site all call this.
 */

import { foldD } from './fold-d';

const MAX_SLUG_LENGTH = 80;

export function slugify(input: string): string {
  // `đ` first: NFD alone leaves it in place.
  const ascii = foldD(input)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  // A single word longer than the limit still yields something usable.
  if (!slug && words.length > 0) slug = words[0]!.slice(0, MAX_SLUG_LENGTH);
  return slug;
}

/** True when `value` is already in slug form (what `slugify` would leave unchanged). */
export function isSlug(value: string): boolean {
  return value.length > 0 && slugify(value) === value;
}

/**
 * First free slug among `base`, `base-2`, `base-3`, …; `isTaken` answers for the
 * collection. Never returns a slug that is taken, so a clash never overwrites.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  maxAttempts = 1000,
): Promise<string> {
  for (let n = 1; n <= maxAttempts; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${base}" after ${maxAttempts} attempts`);
}
