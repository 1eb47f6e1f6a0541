/**
 * Lists in rich text, as valid HTML. Payload's converter writes `<li value>`
 * inside `<ul>` (not allowed there), inline `style` attributes (refused by the
 * site's CSP) and React attribute names (`htmlFor`, `readOnly`) on checklists.
 * Here: `<ul>`/`<ol start>` with plain `<li>`; a checklist is a `<ul>` whose
 * items say "đã xong"/"chưa xong" in words (to screen readers too) and show a
 * mark drawn by the stylesheet.
 */
type ListNode = { listType?: string; tag?: string; start?: number; children: unknown[] };
type ListItemNode = { checked?: boolean; children: { type?: string }[] };
type NodesToHTML = (args: { nodes: never[] }) => Promise<string[]>;

export const listConverters = {
  list: async ({ node, nodesToHTML }: { node: ListNode; nodesToHTML: NodesToHTML }) => {
    const children = (await nodesToHTML({ nodes: node.children as never[] })).join('');
    if (node.listType === 'number' || node.tag === 'ol') {
      const start = Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<ol${start}>${children}</ol>`;
    }
    return `<ul${node.listType === 'check' ? ' class="checklist"' : ''}>${children}</ul>`;
  },
  listitem: async ({
    node,
    nodesToHTML,
    parent,
  }: {
    node: ListItemNode;
    nodesToHTML: NodesToHTML;
    parent: { listType?: string };
  }) => {
    const children = (await nodesToHTML({ nodes: node.children as never[] })).join('');
    // An item that only holds a nested list is a wrapper Lexical adds: no bullet of its own.
    if (node.children.length > 0 && node.children.every((child) => child.type === 'list'))
      return `<li class="nested">${children}</li>`;
    if (parent?.listType === 'check') {
      const state = node.checked ? 'đã xong' : 'chưa xong';
      return `<li class="${node.checked ? 'done' : 'todo'}"><span class="check-state">(${state})</span> ${children}</li>`;
    }
    return `<li>${children}</li>`;
  },
};
