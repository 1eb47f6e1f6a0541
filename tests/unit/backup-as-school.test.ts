import type { FlattenedField } from 'payload';
import { describe, expect, it } from 'vitest';

import type { Manifest } from '../../src/cms/backup/archive';
import { AssignedIds, idsAfter, withNewRowIds } from '../../src/cms/backup/relations';
import { archivedRole, archivedSchool, freeFileNames, withRenamedFiles } from '../../src/cms/backup/school-archive';
import { ColumnError } from '../../src/messages/column-error';

const manifest = (collections: Record<string, { docs: number; versions: number }>, globals: string[] = []) =>
  ({ collections, globals }) as unknown as Manifest;

const SCHOOL = {
  id: 4,
  name: 'Trường THCS Lê Lợi',
  slug: 'truong-thcs-le-loi',
  basePath: '/binh-dang-gioi/',
  district: 'Phòng GDĐT quận Hoàn Kiếm',
  columnTitle: 'Góc bình đẳng giới',
  reportingStartQuarter: '2024-Q3',
  minimumItemsPerQuarter: 2,
  countedCollections: ['articles', 'model-stories'],
  archived: false,
};

describe('the school an archive holds', () => {
  it('is its one schools document, without the slug and address the restore chooses', () => {
    const school = archivedSchool(
      new Map([['collections/schools.json', [SCHOOL]]]),
      manifest({ schools: { docs: 1, versions: 0 } }),
    );
    const { id: _id, slug: _slug, basePath: _basePath, ...fields } = SCHOOL;
    expect(school).toEqual({ id: 4, fields, preSchools: false });
  });

  it('refuses a district archive (several schools) and an empty one', () => {
    for (const list of [[SCHOOL, { ...SCHOOL, id: 5 }], []]) {
      const attempt = () =>
        archivedSchool(
          new Map([['collections/schools.json', list]]),
          manifest({ schools: { docs: list.length, versions: 0 } }),
        );
      expect(attempt).toThrow(ColumnError);
      try {
        attempt();
      } catch (error) {
        expect(ColumnError.is(error, 'RestoreArchiveNotOneSchool')).toBe(true);
        expect((error as ColumnError<'RestoreArchiveNotOneSchool'>).details.count).toBe(list.length);
      }
    }
  });

  it('comes from the column-settings global of an archive made before schools', () => {
    const old = {
      schoolName: 'Trường THCS Trần Phú',
      district: 'Quận Gò Vấp',
      columnTitle: 'Bình đẳng giới',
      reportingStartQuarter: '2023-Q2',
      minimumItemsPerQuarter: 3,
      countedCollections: ['articles', 'teaching-resources'],
    };
    const school = archivedSchool(
      new Map([['globals/column-settings.json', old]]),
      manifest({ users: { docs: 0, versions: 0 } }, ['column-settings']),
    );
    expect(school).toEqual({
      id: undefined,
      preSchools: true,
      fields: {
        name: 'Trường THCS Trần Phú',
        district: 'Quận Gò Vấp',
        columnTitle: 'Bình đẳng giới',
        reportingStartQuarter: '2023-Q2',
        minimumItemsPerQuarter: 3,
        countedCollections: ['articles', 'teaching-resources'],
        archived: false,
      },
    });
  });

  it('takes the defaults when a school made before schools never saved its settings', () => {
    const school = archivedSchool(new Map(), manifest({ users: { docs: 0, versions: 0 } }));
    expect(school.preSchools).toBe(true);
    expect(school.fields).toMatchObject({ name: 'Trường THCS', reportingStartQuarter: '2022-Q1' });
  });
});

describe("an account's role in the archived school", () => {
  const school = archivedSchool(
    new Map([['collections/schools.json', [SCHOOL]]]),
    manifest({ schools: { docs: 1, versions: 0 } }),
  );
  const before = archivedSchool(new Map(), manifest({}));

  it('is its membership there', () => {
    expect(archivedRole({ schools: [{ id: 'r', school: 4, role: 'editor' }] }, school)).toBe('editor');
    expect(archivedRole({ schools: [{ id: 'r', school: { id: 4 }, role: 'admin' }] }, school)).toBe('admin');
  });

  it('is none without a membership there (a platform admin who joined no school)', () => {
    expect(archivedRole({ schools: [] }, school)).toBeNull();
    expect(archivedRole({ platformRole: 'platform-admin' }, school)).toBeNull();
    expect(archivedRole({ schools: [{ school: 9, role: 'admin' }] }, school)).toBeNull();
  });

  it('is the one role of an account made before schools, read as the upgrade reads it', () => {
    expect(archivedRole({ role: 'admin' }, before)).toBe('admin');
    expect(archivedRole({ role: 'thu-ky' }, before)).toBe('contributor');
  });
});

describe('file names that do not clash', () => {
  const image = ['anh.jpg', 'anh-320x240.webp', 'anh-768x432.webp'];

  it('are the archived names when none is taken', () => {
    expect(freeFileNames(image, new Set(['khac.jpg']))).toEqual(new Map());
    expect(freeFileNames([], new Set())).toEqual(new Map());
  });

  it('rename every file of the upload together, the way Payload names a second copy', () => {
    expect(freeFileNames(image, new Set(['anh.jpg']))).toEqual(
      new Map([
        ['anh.jpg', 'anh-1.jpg'],
        ['anh-320x240.webp', 'anh-1-320x240.webp'],
        ['anh-768x432.webp', 'anh-1-768x432.webp'],
      ]),
    );
  });

  it('rename when only a size is taken, and skip numbers whose names are taken', () => {
    const renamed = freeFileNames(image, new Set(['anh-320x240.webp', 'anh-1-768x432.webp']));
    expect(renamed.get('anh.jpg')).toBe('anh-2.jpg');
    expect(renamed.get('anh-768x432.webp')).toBe('anh-2-768x432.webp');
  });

  it('handle a name without an extension', () => {
    expect(freeFileNames(['README'], new Set(['README']))).toEqual(new Map([['README', 'README-1']]));
  });

  it('are written into the document: file names and the URLs ending in them, encoded or not', () => {
    const doc = {
      id: 3,
      filename: 'anh.jpg',
      url: '/api/media/file/anh.jpg',
      thumbnailURL: '/api/media/file/anh-320x240.webp',
      sizes: {
        thumbnail: { filename: 'anh-320x240.webp', url: '/api/media/file/anh-320x240.webp', width: 320 },
        hero: { filename: null, url: null },
      },
    };
    const renames = freeFileNames(['anh.jpg', 'anh-320x240.webp'], new Set(['anh.jpg']));
    expect(withRenamedFiles(doc, renames)).toEqual({
      id: 3,
      filename: 'anh-1.jpg',
      url: '/api/media/file/anh-1.jpg',
      thumbnailURL: '/api/media/file/anh-1-320x240.webp',
      sizes: {
        thumbnail: { filename: 'anh-1-320x240.webp', url: '/api/media/file/anh-1-320x240.webp', width: 320 },
        hero: { filename: null, url: null },
      },
    });
    const encoded = withRenamedFiles(
      { filename: 'ảnh bìa.jpg', url: `/api/media/file/${encodeURIComponent('ảnh bìa.jpg')}` },
      new Map([['ảnh bìa.jpg', 'ảnh bìa-1.jpg']]),
    );
    expect(encoded.url).toBe(`/api/media/file/${encodeURIComponent('ảnh bìa-1.jpg')}`);
    expect(withRenamedFiles(doc, new Map())).toBe(doc);
  });
});

describe('ids in a database that already holds documents', () => {
  it('follow the highest number there, or are ObjectIds carrying the creation time', () => {
    const numbers = idsAfter('number', 41);
    expect([numbers(undefined), numbers('2024-01-01T00:00:00.000Z')]).toEqual([42, 43]);
    const objectIds = idsAfter('text', 0);
    const id = objectIds('2024-03-08T01:00:00.000Z') as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBe(Date.parse('2024-03-08T01:00:00.000Z') / 1000);
  });

  it('map archived documents to new ones or to documents the target has, and empty the rest', () => {
    const ids = new AssignedIds();
    ids.set('users', 1, 17);
    ids.set('users', 'aa', 5);
    expect(ids.keepIds).toBe(false);
    expect([ids.id('users', 1), ids.id('users', { id: 'aa' }), ids.id('users', '1')]).toEqual([17, 5, 17]);
    expect(ids.has('users', 1)).toBe(true);
    expect(ids.has('users', 2)).toBe(false);
    expect(ids.id('users', 2)).toBeNull();
    expect(ids.id('media', null)).toBeNull();
    expect([...ids.dangling]).toEqual(['users:2']);
  });

  it('give every array and block row a new id, deep inside groups too', () => {
    const fields = [
      { type: 'text', name: 'title' },
      {
        type: 'array',
        name: 'learningGoals',
        flattenedFields: [
          { type: 'text', name: 'goal' },
          { type: 'array', name: 'steps', flattenedFields: [{ type: 'text', name: 'step' }] },
        ],
      },
      {
        type: 'group',
        name: 'meta',
        flattenedFields: [{ type: 'array', name: 'links', flattenedFields: [{ type: 'text', name: 'url' }] }],
      },
      { type: 'blocks', name: 'layout', blocks: [{ slug: 'quote', flattenedFields: [] }] },
    ] as unknown as FlattenedField[];
    const doc = {
      title: 'Phiếu học tập',
      learningGoals: [{ id: 'a1', goal: 'Hiểu khái niệm', steps: [{ id: 's1', step: 'Đọc' }] }],
      meta: { links: [{ id: 'l1', url: 'https://moet.gov.vn' }] },
      layout: [{ id: 'b1', blockType: 'quote' }],
    };
    const out = withNewRowIds(fields, doc) as typeof doc;
    const rowIds = [
      out.learningGoals[0]!.id,
      out.learningGoals[0]!.steps[0]!.id,
      out.meta.links[0]!.id,
      out.layout[0]!.id,
    ];
    for (const id of rowIds) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(rowIds).size).toBe(4);
    expect(out.learningGoals[0]!.goal).toBe('Hiểu khái niệm');
    expect(out.meta.links[0]!.url).toBe('https://moet.gov.vn');
    expect(doc.learningGoals[0]!.id, 'the input is not changed').toBe('a1');
  });
});
