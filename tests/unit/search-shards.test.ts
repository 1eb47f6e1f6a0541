import { describe, expect, it } from 'vitest';

import { searchShardCount, searchShardFolder, searchShardOf } from '../../src/site/lib/search-shards';

describe('search shards', () => {
  it('keeps one index up to the pages per shard, then one shard per that many pages more', () => {
    expect(searchShardCount(0, 1500)).toBe(1);
    expect(searchShardCount(1, 1500)).toBe(1);
    expect(searchShardCount(1500, 1500)).toBe(1);
    expect(searchShardCount(1501, 1500)).toBe(2);
    expect(searchShardCount(12_704, 1500)).toBe(9);
    expect(searchShardCount(7, 1)).toBe(7);
  });

  it('refuses a size that is not a whole number of pages', () => {
    for (const bad of [0, -3, 1.5, Number.NaN]) expect(() => searchShardCount(10, bad)).toThrow(RangeError);
  });

  it('puts a page in the same shard on every build, whatever the other pages', () => {
    const pages = Array.from({ length: 2000 }, (_, i) => `bai-viet/bai-${i}/index.html`);
    const first = pages.map((p) => searchShardOf(p, 9));
    expect(pages.map((p) => searchShardOf(p, 9))).toEqual(first);
    expect(searchShardOf('bai-viet/bai-7/index.html', 9)).toBe(first[7]);
    // Fixed values: a change of the hash would split every site's index differently (and silently).
    expect(['a', 'bai-viet/x/index.html', 'tài-liệu/đ/index.html'].map((p) => searchShardOf(p, 1000))).toEqual([
      220, 513, 366,
    ]);
  });

  it('spreads pages evenly, each shard within a fifth of the mean', () => {
    const count = 9;
    const sizes = new Array<number>(count).fill(0);
    for (let i = 0; i < 12_704; i++) sizes[searchShardOf(`bai-viet/bai-viet-mau-${i}/index.html`, count)]! += 1;
    const mean = 12_704 / count;
    for (const size of sizes) expect(Math.abs(size - mean)).toBeLessThan(mean / 5);
  });

  it('gives every page shard 0 when there is one shard', () => {
    expect(searchShardOf('anything/index.html', 1)).toBe(0);
  });

  it('names shard 0 Pagefind’s own folder and the others folders in it', () => {
    expect(searchShardFolder(0)).toBe('');
    expect(searchShardFolder(3)).toBe('shard-3/');
  });
});
