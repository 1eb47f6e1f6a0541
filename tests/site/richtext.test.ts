import { describe, expect, it } from 'vitest';

import { plainText, renderRichText, safeHref, type RichText } from '../../src/site/lib/richtext';
import { validateFragment } from '../support/html-validity';

const text = (t: string, format = 0) => ({
  type: 'text',
  text: t,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
});
const link = (url: string, label = 'bấm vào đây', extra: Record<string, unknown> = {}) =>
  block('link', [text(label)], { fields: { url, linkType: 'custom', newTab: false, ...extra } });
const doc = (...children: unknown[]): RichText => ({ root: block('root', children) as never });
const render = (body: RichText) =>
  renderRichText(body, {
    image: async (id) => `<figure data-media="${id}"></figure>`,
    internalHref: (relationTo, id) =>
      relationTo === 'articles' && id === '7' ? '/binh-dang-gioi/bai-viet/bai-bay/' : undefined,
  });

describe('rich text → HTML with Payload’s converter', () => {
  it('renders headings, lists, quotes, formats and escapes every string', async () => {
    const html = await render(
      doc(
        block('heading', [text('Vì sao <bình đẳng>?')], { tag: 'h2' }),
        block('paragraph', [text('Đậm', 1), text(' & '), text('nghiêng', 2)]),
        block(
          'list',
          [block('listitem', [text('một')], { value: 1 }), block('listitem', [text('hai')], { value: 2 })],
          { listType: 'bullet', tag: 'ul' },
        ),
        block('quote', [text('“Trích dẫn”')]),
        { type: 'upload', relationTo: 'media', value: 12, fields: null, format: '', version: 3 },
      ),
    );
    expect(html).toContain('<h2>Vì sao &lt;bình đẳng&gt;?</h2>');
    expect(html).toContain('<strong>Đậm</strong> &amp; <em>nghiêng</em>');
    expect(html).toMatch(/<ul[^>]*>.*<li[^>]*>một<\/li>.*<\/ul>/s);
    expect(html).toContain('<blockquote>“Trích dẫn”</blockquote>');
    expect(html).toContain('<figure data-media="12"></figure>');
    expect(html).not.toContain('<script');
  });

  it('writes lists as valid HTML: no <li value> in <ul>, no inline style, a checklist that says its state in words', async () => {
    const item = (t: string, extra: Record<string, unknown> = {}) =>
      block('listitem', [text(t)], { value: 1, ...extra });
    const html = await render(
      doc(
        block(
          'list',
          [
            item('một'),
            item('hai', { value: 2 }),
            block('listitem', [block('list', [item('con')], { listType: 'bullet', tag: 'ul' })], { value: 3 }),
          ],
          { listType: 'bullet', tag: 'ul' },
        ),
        block('list', [item('bước ba', { value: 3 }), item('bước bốn', { value: 4 })], {
          listType: 'number',
          tag: 'ol',
          start: 3,
        }),
        block('list', [item('đã làm', { checked: true }), item('chưa làm', { checked: false, value: 2 })], {
          listType: 'check',
          tag: 'ul',
        }),
      ),
    );
    expect(html).toBe(
      '<ul><li>một</li><li>hai</li><li class="nested"><ul><li>con</li></ul></li></ul>' +
        '<ol start="3"><li>bước ba</li><li>bước bốn</li></ol>' +
        '<ul class="checklist"><li class="done"><span class="check-state">(đã xong)</span> đã làm</li><li class="todo"><span class="check-state">(chưa xong)</span> chưa làm</li></ul>',
    );
    expect(await validateFragment(html)).toEqual([]);
    // What Payload's own converter wrote is what the validator refuses.
    expect(
      (await validateFragment('<ul class="list-bullet"><li class="" style="" value="1">một</li></ul>')).sort(),
    ).toEqual([
      'column/li-value-only-in-ol: <li value> is allowed only inside <ol>',
      'no-inline-style: Inline style is not allowed',
    ]);
  });

  it('never lets a javascript: or data: link reach the page; the text stays', async () => {
    const bad = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'JAVASCRIPT&colon;x',
    ];
    for (const url of bad) {
      const html = await render(doc(block('paragraph', [link(url)])));
      expect(html, url).not.toMatch(/href=|javascript|data:/i);
      expect(html, url).toContain('bấm vào đây');
    }
  });

  it('keeps http(s), mailto, tel and relative links; escapes quotes; internal links go to the site page', async () => {
    const html = await render(
      doc(
        block('paragraph', [
          link('https://example.vn/a?b=1&c="x"'),
          link('mailto:tuvan@truong.edu.vn', 'thư'),
          link('tel:111', '111'),
          link('/binh-dang-gioi/tro-giup/', 'trợ giúp'),
          block('link', [text('bài bảy')], {
            fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 7 } },
          }),
          block('link', [text('bài đã gỡ')], {
            fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 99 } },
          }),
        ]),
      ),
    );
    expect(html).toContain('href="https://example.vn/a?b=1&#38;c=&#34;x&#34;" rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:tuvan@truong.edu.vn"');
    expect(html).toContain('href="tel:111"');
    expect(html).toContain('href="/binh-dang-gioi/tro-giup/"');
    expect(html).toContain('<a href="/binh-dang-gioi/bai-viet/bai-bay/">bài bảy</a>');
    expect(html).toContain('bài đã gỡ');
    expect(html).not.toContain('99');
  });

  it('safeHref refuses what browsers would run', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('\u0001javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:image/png;base64,AAAA')).toBeUndefined();
    expect(safeHref('https://a.vn')).toBe('https://a.vn');
    expect(safeHref('#muc-1')).toBe('#muc-1');
  });

  it('plain text for reading time and search', () => {
    expect(plainText(doc(block('paragraph', [text('Gia đình')]), block('paragraph', [text('bình đẳng')])))).toBe(
      'Gia đình bình đẳng',
    );
  });
});
