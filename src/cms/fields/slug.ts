import type { FieldHook, TextField, Where } from 'payload';

import { slugify, uniqueSlug } from '../../domain/slug';
import type { Article, ModelStory, TeachingResource, Topic } from '../../payload-types';

/** The collections with a slug; it is made from a field they all have (the title). */
type Sluggable = Article | ModelStory | TeachingResource | Topic;
type SourceField = keyof Sluggable;

/**
 * Sets the slug from the title when it is empty, normalises what an editor
 * types, and adds -2, -3, … when another document of the collection has it:
 * a clash never overwrites. The unique index is the backstop for races.
 */
const ensureUniqueSlug =
  (sourceField: SourceField): FieldHook<Sluggable, string | null | undefined, Sluggable> =>
  async ({ value, siblingData, originalDoc, collection, req }) => {
    const typed = typeof value === 'string' ? slugify(value) : '';
    const fromTitle = slugify(String(siblingData?.[sourceField] ?? originalDoc?.[sourceField] ?? ''));
    const base = typed || fromTitle;
    if (!base || !collection) return value;
    if (base === originalDoc?.slug) return base;
    const ownId = originalDoc?.id;
    return uniqueSlug(base, async (candidate) => {
      const where: Where = { slug: { equals: candidate } };
      const clause: Where = ownId === undefined ? where : { and: [where, { id: { not_equals: ownId } }] };
      const { totalDocs } = await req.payload.count({
        collection: collection.slug,
        where: clause,
        req,
      });
      return totalDocs > 0;
    });
  };

export function slugField(sourceField: SourceField = 'title'): TextField {
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
