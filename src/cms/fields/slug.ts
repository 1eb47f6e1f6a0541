import type { CollectionConfig, FieldHook, TextField, Where } from 'payload';

import { slugify, uniqueSlug } from '../../domain/slug';
import { actorOf } from '../access/actor';
import { defaultSchool } from './school';
import type { Article, ModelStory, TeachingResource, Topic } from '../../payload-types';

/** The collections with a slug; it is made from a field they all have (the title). */
type Sluggable = Article | ModelStory | TeachingResource | Topic;
type SourceField = keyof Sluggable;

/**
 * Sets the slug from the title when it is empty, normalises what an editor
 * types, and adds -2, -3, … when another document of the collection in the
 * same school has it: a clash never overwrites, and two schools may each have
 * "binh-dang-gioi". The unique index on (school, slug) is the backstop for races.
 */
const ensureUniqueSlug =
  (sourceField: SourceField): FieldHook<Sluggable, string | null | undefined, Sluggable> =>
  async ({ value, siblingData, originalDoc, collection, req, operation }) => {
    const typed = typeof value === 'string' ? slugify(value) : '';
    const fromTitle = slugify(String(siblingData?.[sourceField] ?? originalDoc?.[sourceField] ?? ''));
    const base = typed || fromTitle;
    if (!base || !collection) return value;
    // A duplicate is a create that starts from the original: it must not keep its slug.
    if (operation === 'update' && base === originalDoc?.slug) return base;
    const ownId = operation === 'update' ? originalDoc?.id : undefined;
    // Field hooks run before the school guard fills a new document's school: resolve it the same way.
    const school = siblingData?.school ?? originalDoc?.school;
    const schoolId = school
      ? typeof school === 'object'
        ? school.id
        : school
      : await defaultSchool(req, actorOf(req.user));
    return uniqueSlug(base, async (candidate) => {
      const where: Where = {
        slug: { equals: candidate },
        ...(schoolId === undefined || schoolId === null ? {} : { school: { equals: schoolId } }),
      };
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
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Tự tạo từ tiêu đề: bỏ dấu, "đ" thành "d" (ví dụ: binh-dang-gioi). Có thể sửa.',
    },
    hooks: { beforeValidate: [ensureUniqueSlug(sourceField)] },
  };
}

/** One slug per school: the same title gives the same address in each school's site. */
export const SLUG_PER_SCHOOL: NonNullable<CollectionConfig['indexes']> = [{ fields: ['school', 'slug'], unique: true }];
