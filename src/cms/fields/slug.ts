import type { CollectionSlug, FieldHook, TextField, Where } from 'payload';

import { slugify, uniqueSlug } from '../../domain/slug';

/**
 * Sets the slug from the title when it is empty, normalises what an editor
 * types, and adds -2, -3, … when another document of the collection has it:
 * a clash never overwrites. The unique index is the backstop for races.
 */
const ensureUniqueSlug =
  (sourceField: string): FieldHook =>
  async ({ value, siblingData, originalDoc, collection, req }) => {
    const typed = typeof value === 'string' ? slugify(value) : '';
    const fromTitle = slugify(String(siblingData?.[sourceField] ?? originalDoc?.[sourceField] ?? ''));
    const base = typed || fromTitle;
    if (!base || !collection) return value;
    if (base === originalDoc?.slug) return base;
    const ownId = originalDoc?.id as number | string | undefined;
    return uniqueSlug(base, async (candidate) => {
      const where: Where = { slug: { equals: candidate } };
      const clause: Where = ownId === undefined ? where : { and: [where, { id: { not_equals: ownId } }] };
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: clause,
        req,
      });
      return totalDocs > 0;
    });
  };

export function slugField(sourceField = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: 'Đường dẫn (slug)',
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Tự tạo từ tiêu đề: bỏ dấu, "đ" thành "d" (ví dụ: binh-dang-gioi). Có thể sửa.',
    },
    hooks: { beforeValidate: [ensureUniqueSlug(sourceField)] },
  };
}
