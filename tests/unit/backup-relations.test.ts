import type { FlattenedField } from 'payload';
import { describe, expect, it } from 'vitest';

import { IdPlan, objectIdAt, remapJob, remapReferences, remapRichText } from '../../src/cms/backup/relations';

const docs = new Map([
  [
    'media',
    [
      { id: 1, createdAt: '2024-03-08T01:00:00.000Z' },
      { id: 7, createdAt: '2024-03-09T01:00:00.000Z' },
    ],
  ],
  ['topics', [{ id: 3 }, { id: 4 }]],
  ['users', [{ id: 2 }]],
  ['articles', [{ id: 5 }]],
]);

// Just enough of Payload's flattened field shapes for the walker.
const fields = [
  { type: 'text', name: 'title' },
  { type: 'upload', name: 'cover', relationTo: 'media' },
  { type: 'relationship', name: 'topics', relationTo: 'topics', hasMany: true },
  { type: 'relationship', name: 'owner', relationTo: ['users', 'media'] },
  { type: 'group', name: 'meta', flattenedFields: [{ type: 'upload', name: 'image', relationTo: 'media' }] },
  { type: 'array', name: 'files', flattenedFields: [{ type: 'upload', name: 'file', relationTo: 'media' }] },
  {
    type: 'blocks',
    name: 'layout',
    blocks: [{ slug: 'photo', flattenedFields: [{ type: 'upload', name: 'photo', relationTo: 'media' }] }],
  },
  { type: 'richText', name: 'body' },
] as unknown as FlattenedField[];

const doc = {
  title: 'Ngày Gia đình Việt Nam',
  cover: 1,
  topics: [3, 4],
  owner: { relationTo: 'users', value: 2 },
  meta: { image: 7 },
  files: [{ id: 'row1', file: 7 }],
  layout: [{ blockType: 'photo', id: 'b1', photo: 1 }],
  body: {
    root: {
      type: 'root',
      children: [
        { type: 'upload', relationTo: 'media', value: 7, fields: null },
        { type: 'relationship', relationTo: 'articles', value: { id: 5, title: 'populated' } },
        {
          type: 'link',
          fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 5 } },
          children: [{ type: 'text', text: 'xem' }],
        },
        { type: 'link', fields: { linkType: 'custom', url: 'https://moet.gov.vn' }, children: [] },
      ],
    },
  },
};

describe('moving references between id kinds', () => {
  it('keeps everything as it is between databases of the same kind', () => {
    const plan = new IdPlan('number', 'number', docs);
    expect(remapReferences(fields, doc, plan)).toBe(doc);
    expect(plan.id('media', 7)).toBe(7);
  });

  it('numbers documents 1, 2, 3… in archive order when moving to SQLite', () => {
    const plan = new IdPlan('text', 'number', new Map([['media', [{ id: 'aa' }, { id: 'bb' }]]]));
    expect([plan.id('media', 'aa'), plan.id('media', 'bb')]).toEqual([1, 2]);
  });

  it('gives every document a valid ObjectId carrying its creation time when moving to MongoDB', () => {
    const plan = new IdPlan('number', 'text', docs);
    const id = plan.id('media', 1) as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBe(Date.parse('2024-03-08T01:00:00.000Z') / 1000);
    expect(plan.id('media', 1)).toBe(id);
    expect(plan.id('media', 7)).not.toBe(id);
  });

  it('rewrites uploads, relationships (hasMany, polymorphic), groups, arrays, blocks and rich text', () => {
    const plan = new IdPlan('number', 'text', docs);
    const m = (c: string, id: number) => plan.id(c, id);
    const out = remapReferences(fields, doc, plan) as typeof doc;
    expect(out.title).toBe(doc.title);
    expect(out.cover).toBe(m('media', 1));
    expect(out.topics).toEqual([m('topics', 3), m('topics', 4)]);
    expect(out.owner).toEqual({ relationTo: 'users', value: m('users', 2) });
    expect(out.meta.image).toBe(m('media', 7));
    expect(out.files).toEqual([{ id: 'row1', file: m('media', 7) }]);
    expect(out.layout).toEqual([{ blockType: 'photo', id: 'b1', photo: m('media', 1) }]);
    const [upload, relation, internal, external] = out.body.root.children as Record<string, any>[];
    expect(upload!.value).toBe(m('media', 7));
    expect(relation!.value).toBe(m('articles', 5));
    expect(internal!.fields.doc).toEqual({ relationTo: 'articles', value: m('articles', 5) });
    expect(internal!.children).toEqual([{ type: 'text', text: 'xem' }]);
    expect(external!.fields).toEqual({ linkType: 'custom', url: 'https://moet.gov.vn' });
    expect(doc.cover, 'the input is not changed').toBe(1);
  });

  it('empties references to documents the archive does not hold, and lists them', () => {
    const plan = new IdPlan('number', 'text', docs);
    expect(remapRichText({ type: 'upload', relationTo: 'media', value: 99 }, plan)).toEqual({
      type: 'upload',
      relationTo: 'media',
      value: null,
    });
    expect([...plan.dangling]).toEqual(['media:99']);
  });

  it('moves the document and user named by a scheduled publication', () => {
    const plan = new IdPlan('number', 'text', docs);
    const job = {
      id: 1,
      taskSlug: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: '5' }, user: { relationTo: 'users', value: 2 } },
    };
    const moved = remapJob(job, plan) as typeof job;
    expect(moved.input.doc.value).toBe(plan.id('articles', 5));
    expect(moved.input.user.value).toBe(plan.id('users', 2));
  });

  it('makes an ObjectId from any creation time, or now', () => {
    expect(objectIdAt('1970-01-01T00:00:01.000Z').slice(0, 8)).toBe('00000001');
    expect(objectIdAt(undefined)).toMatch(/^[0-9a-f]{24}$/);
  });
});
