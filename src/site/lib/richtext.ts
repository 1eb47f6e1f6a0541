/**
 * Lexical rich text → HTML with Payload's own converter, at build time.
 * Text is escaped by the converter; links go through `safeHref` (only http(s),
 * mailto, tel and relative addresses: a `javascript:` or `data:` link loses
 * its <a> and keeps its text); lists are valid HTML (./lists.ts); uploads become AVIF/WebP <picture>s through
 * Astro's image service, with the alt text from the CMS.
 */
import {
  convertLexicalToHTMLAsync,
  defaultHTMLConvertersAsync,
  type HTMLConvertersAsync,
} from '@payloadcms/richtext-lexical/html-async';

import { listConverters } from './lists';

export type LexicalNode = { type: string; children?: LexicalNode[]; text?: string; [key: string]: unknown };
export type RichText = { root: { children: LexicalNode[] } & Record<string, unknown> };

export function escapeHTML(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Character references a browser would decode inside an attribute ("&colon;", "&#58;"). */
function decodeReferences(value: string): string {
  return value
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

/**
 * The address if it is safe to put in href, else `undefined`: http(s), mailto,
 * tel, or relative. Checked as a browser would read it (whitespace and control
 * characters dropped, character references decoded), so "java\tscript:" and
 * "javascript&colon;" are refused too.
 */
export function safeHref(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!url) return undefined;
  const asRead = decodeReferences(url).replace(/[\s\u0000-\u001f]/g, '');
  const scheme = /^([^/?#]*?):/.exec(asRead)?.[1];
  if (scheme !== undefined) {
    if (!/^[a-z][a-z0-9+.-]*$/i.test(scheme) || !ALLOWED_SCHEMES.has(`${scheme.toLowerCase()}:`)) return undefined;
    try {
      new URL(url);
    } catch {
      return undefined;
    }
  }
  return url.replace(/ /g, '%20');
}

export type RenderImage = (mediaId: string) => Promise<string>;
export type InternalHref = (relationTo: string, id: string) => string | undefined;

type LinkFields = { url?: string; newTab?: boolean; linkType?: string; doc?: { relationTo?: string; value?: unknown } };

export async function renderRichText(
  body: RichText | undefined,
  options: { image: RenderImage; internalHref: InternalHref },
): Promise<string> {
  if (!body) return '';
  const link = async ({
    node,
    nodesToHTML,
  }: {
    node: { children: unknown[]; fields: LinkFields };
    nodesToHTML: (a: { nodes: never[] }) => Promise<string[]>;
  }) => {
    const children = (await nodesToHTML({ nodes: node.children as never[] })).join('');
    const fields = node.fields ?? {};
    let target: string | undefined;
    if (fields.linkType === 'internal') {
      const value = fields.doc?.value;
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
      target =
        fields.doc?.relationTo && id !== undefined
          ? options.internalHref(fields.doc.relationTo, String(id))
          : undefined;
    } else {
      target = safeHref(fields.url);
    }
    if (!target) return children;
    const external = /^https?:\/\//i.test(target);
    return `<a href="${escapeHTML(target)}"${fields.newTab || external ? ' rel="noopener noreferrer"' : ''}>${children}</a>`;
  };
  const converters: HTMLConvertersAsync = {
    ...defaultHTMLConvertersAsync,
    list: listConverters.list as never,
    listitem: listConverters.listitem as never,
    link: link as never,
    autolink: link as never,
    upload: (async ({ node }: { node: { relationTo?: string; value?: unknown } }) => {
      if (node.relationTo !== 'media') return '';
      const value = node.value;
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
      return options.image(String(id));
    }) as never,
    unknown: () => '',
  };
  return convertLexicalToHTMLAsync({ data: body as never, converters, disableContainer: true });
}

/** Ids of the media a body shows (checked before rendering: a missing one fails the build). */
export function uploadIds(body: RichText | undefined): string[] {
  const ids: string[] = [];
  const walk = (nodes: LexicalNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'upload' && node.relationTo === 'media') {
        const v = node.value;
        ids.push(String(typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v));
      }
      walk(node.children);
    }
  };
  walk(body?.root.children);
  return ids;
}

/** The documents a body's internal links point at (their addresses are shown in it). */
export function internalLinks(body: RichText | undefined): { relationTo: string; id: string }[] {
  const links: { relationTo: string; id: string }[] = [];
  const walk = (nodes: LexicalNode[] | undefined) => {
    for (const node of nodes ?? []) {
      const fields = node.fields as LinkFields | undefined;
      if ((node.type === 'link' || node.type === 'autolink') && fields?.linkType === 'internal') {
        const value = fields.doc?.value;
        const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
        if (fields.doc?.relationTo && id !== undefined)
          links.push({ relationTo: fields.doc.relationTo, id: String(id) });
      }
      walk(node.children);
    }
  };
  walk(body?.root.children);
  return links;
}

const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'linebreak', 'tablecell']);

/** The body's text, blocks separated by spaces (reading time, search copy, RSS). */
export function plainText(body: RichText | undefined): string {
  const parts: string[] = [];
  const walk = (nodes: LexicalNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (typeof node.text === 'string') parts.push(node.text);
      walk(node.children);
      if (BLOCKS.has(node.type)) parts.push(' ');
    }
  };
  walk(body?.root.children);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
