/**
 * Builds Payload's lexical rich-text JSON from the seed's simple blocks.
 * Pure; the shape is what the lexical editor itself saves.
 */
import type { DefaultDocumentIDType } from 'payload';

import type { Article } from '../payload-types';
import type { DemoBlock } from './demo-content';

type Node = { type: string; version: number; [key: string]: unknown };
type RichText = NonNullable<Article['body']>;

const text = (value: string): Node => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const element = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
});

function blockToNode(block: DemoBlock): Node {
  if (typeof block === 'string') return element('paragraph', [text(block)], { textFormat: 0, textStyle: '' });
  if ('heading' in block) return element('heading', [text(block.heading)], { tag: 'h2' });
  if ('quote' in block) return element('quote', [text(block.quote)]);
  return element(
    'list',
    block.list.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
    { listType: 'bullet', tag: 'ul', start: 1 },
  );
}

export function uploadNode(mediaId: DefaultDocumentIDType): Node {
  return { type: 'upload', relationTo: 'media', value: mediaId, fields: null, format: '', version: 3 };
}

export function toLexical(blocks: readonly DemoBlock[], extra: { afterFirst?: Node } = {}): RichText {
  const children = blocks.map(blockToNode);
  if (extra.afterFirst) children.splice(1, 0, extra.afterFirst);
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}
