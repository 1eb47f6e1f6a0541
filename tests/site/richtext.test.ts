import { describe, expect, it } from 'vitest';

import { plainText, renderRichText, safeHref, type RichText } from '../../src/site/lib/richtext';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, children, direction: 'ltr', format: '', indent: 0, version: 1, ...extra });
const link = (url: string, label = 'bấm vào đây', extra: Record<string, unknown> = {}) =>
  block('link', [text(label)], { fields: { url, linkType: 'custom', newTab: false, ...extra } });
const doc = (...children: unknown[]): RichText => ({ root: block('root', children) as never });
const render = (body: RichText) =>
  renderRichText(body, {
    image: async (id) => `<figure data-media="${id}"></figure>`,
    internalHref: (relationTo, id) => (relationTo === 'articles' && id === '7' ? '/binh-dang-gioi/bai-viet/bai-bay/' : undefined),
  });

describe('rich text → HTML with Payload’s converter', () => {
  it('renders headings, lists, quotes, formats and escapes every string', async () => {
    const html = await render(
      doc(
        block('heading', [text('Vì sao <bình đẳng>?')], { tag: 'h2' }),
        block('paragraph', [text('Đậm', 1), text(' & '), text('nghiêng', 2)]),
        block('list', [block('listitem', [text('một')], { value: 1 }), block('listitem', [text('hai')], { value: 2 })], { listType: 'bullet', tag: 'ul' }),
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

  it('never lets a javascript: or data: link reach the page; the text stays', async () => {
    const bad = ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'JAVASCRIPT&colon;x'];
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
          block('link', [text('bài bảy')], { fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 7 } } }),
          block('link', [text('bài đã gỡ')], { fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 99 } } }),
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
    expect(plainText(doc(block('paragraph', [text('Gia đình')]), block('paragraph', [text('bình đẳng')])))).toBe('Gia đình bình đẳng');
  });
});
