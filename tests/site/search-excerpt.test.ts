import { describe, expect, it } from 'vitest';

import { foldD } from '../../src/site/lib/format';
import { COPY_MARK, realExcerpt } from '../../src/site/lib/search-excerpt';

const real = 'Tháng hành động vì bình đẳng giới. Gia đình cùng chia sẻ việc nhà <b>.';
const content = `${real} ${COPY_MARK} ${foldD(real)}`;

describe('search excerpts show the real Vietnamese text', () => {
  it('an excerpt from the folded copy is put back, marks kept', () => {
    const fromCopy = 'vì <mark>bình</mark> <mark>dẳng</mark> <mark>giới</mark>. Gia dình';
    expect(realExcerpt(fromCopy, content)).toBe('vì <mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>. Gia đình');
  });
  it('an excerpt crossing into text the copy does not hold is mapped word by word', () => {
    expect(realExcerpt('dẳng giới § Tháng hành dộng', content)).toBe('đẳng giới  Tháng hành động');
  });
  it('text is escaped', () => {
    expect(realExcerpt('việc nhà &lt;b&gt;', content)).toBe('việc nhà &lt;b&gt;');
  });
});
