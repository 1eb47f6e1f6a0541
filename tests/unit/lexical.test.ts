import { describe, expect, it } from 'vitest';

import { toLexical, uploadNode } from '../../src/seed/lexical';

describe('toLexical', () => {
  it('maps paragraphs, headings, lists and quotes to lexical nodes', () => {
    const { root } = toLexical(['Đoạn một', { heading: 'Tiêu đề' }, { list: ['a', 'b'] }, { quote: 'Trích dẫn' }]);
    const children = root.children as unknown as {
      type: string;
      tag?: string;
      children: { type: string; text?: string }[];
    }[];
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'list', 'quote']);
    expect(children[1]!.tag).toBe('h2');
    expect(children[2]!.children.map((c) => c.type)).toEqual(['listitem', 'listitem']);
    expect(children[0]!.children[0]!.text).toBe('Đoạn một');
  });

  it('can place an upload node after the first block', () => {
    const { root } = toLexical(['a', 'b'], { afterFirst: uploadNode(7) });
    const children = root.children as { type: string; value?: unknown }[];
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'upload', 'paragraph']);
    expect(children[1]!.value).toBe(7);
  });
});
