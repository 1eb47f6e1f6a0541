import { describe, expect, it } from 'vitest';

import { accountsUpgrade, firstSchoolFrom, type OldAccount } from '../../src/domain/school-upgrade';

const BASE = '/binh-dang-gioi/';

describe('firstSchoolFrom: the old column settings as the first school', () => {
  it('takes every old setting, the slug from the name and the given address', () => {
    expect(
      firstSchoolFrom(
        {
          schoolName: 'Trường THCS Nguyễn Du',
          district: 'Quận Gò Vấp',
          columnTitle: 'Góc bình đẳng giới',
          reportingStartQuarter: '2024-Q3',
          minimumItemsPerQuarter: 2,
          countedCollections: ['articles', 'teaching-resources'],
        },
        BASE,
      ),
    ).toEqual({
      name: 'Trường THCS Nguyễn Du',
      slug: 'truong-thcs-nguyen-du',
      district: 'Quận Gò Vấp',
      basePath: BASE,
      columnTitle: 'Góc bình đẳng giới',
      reportingStartQuarter: '2024-Q3',
      minimumItemsPerQuarter: 2,
      countedCollections: ['articles', 'teaching-resources'],
      archived: false,
    });
  });

  it('with no settings row, the old release’s defaults', () => {
    expect(firstSchoolFrom(null, BASE)).toEqual({
      name: 'Trường THCS',
      slug: 'truong-thcs',
      district: '',
      basePath: BASE,
      columnTitle: 'Bình đẳng giới',
      reportingStartQuarter: '2022-Q1',
      minimumItemsPerQuarter: 1,
      countedCollections: ['articles'],
      archived: false,
    });
  });

  it('each missing, null or blank field gets its default alone', () => {
    const school = firstSchoolFrom(
      { schoolName: '  ', district: null, columnTitle: '', reportingStartQuarter: null, minimumItemsPerQuarter: null },
      '/khac/',
    );
    expect(school).toMatchObject({
      name: 'Trường THCS',
      district: '',
      columnTitle: 'Bình đẳng giới',
      reportingStartQuarter: '2022-Q1',
      minimumItemsPerQuarter: 1,
      countedCollections: ['articles'],
      basePath: '/khac/',
    });
  });

  it('trims the name and title', () => {
    expect(firstSchoolFrom({ schoolName: ' THCS Lê Lợi ', columnTitle: ' Bình đẳng ' }, BASE)).toMatchObject({
      name: 'THCS Lê Lợi',
      slug: 'thcs-le-loi',
      columnTitle: 'Bình đẳng',
    });
  });

  it('a name with no letters or digits still gets a slug', () => {
    expect(firstSchoolFrom({ schoolName: '—!?' }, BASE)).toMatchObject({ name: '—!?', slug: 'truong' });
  });

  it('đ becomes d in the slug', () => {
    expect(firstSchoolFrom({ schoolName: 'Trường THCS Đống Đa' }, BASE).slug).toBe('truong-thcs-dong-da');
  });

  it('drops counted collections it does not know, keeping the order of the rest', () => {
    expect(
      firstSchoolFrom({ countedCollections: ['events', 'teaching-resources', 'Articles', 'articles'] }, BASE)
        .countedCollections,
    ).toEqual(['teaching-resources', 'articles']);
  });

  it('when none is left (or the list is empty), counts articles as the old release did', () => {
    expect(firstSchoolFrom({ countedCollections: ['events'] }, BASE).countedCollections).toEqual(['articles']);
    expect(firstSchoolFrom({ countedCollections: [] }, BASE).countedCollections).toEqual(['articles']);
  });

  it('names a collection once even when the old list repeated it', () => {
    expect(
      firstSchoolFrom({ countedCollections: ['articles', 'model-stories', 'articles'] }, BASE).countedCollections,
    ).toEqual(['articles', 'model-stories']);
  });

  it('keeps the old minimum per quarter as it was', () => {
    expect(firstSchoolFrom({ minimumItemsPerQuarter: 3 }, BASE).minimumItemsPerQuarter).toBe(3);
  });
});

const platformAdmins = (accounts: OldAccount[]) =>
  accountsUpgrade(accounts)
    .filter((a) => a.platformAdmin)
    .map((a) => a.id);

describe('accountsUpgrade: old roles as memberships, one platform admin', () => {
  it('keeps each account’s role, in the given order', () => {
    expect(
      accountsUpgrade([
        { id: 1, role: 'admin', createdAt: '2025-01-01T00:00:00Z' },
        { id: 2, role: 'editor', createdAt: '2025-01-02T00:00:00Z' },
        { id: 3, role: 'contributor', createdAt: '2025-01-03T00:00:00Z' },
      ]),
    ).toEqual([
      { id: 1, role: 'admin', platformAdmin: true },
      { id: 2, role: 'editor', platformAdmin: false },
      { id: 3, role: 'contributor', platformAdmin: false },
    ]);
  });

  it('the earliest admin runs the platform, even when an editor is older', () => {
    expect(
      platformAdmins([
        { id: 1, role: 'editor', createdAt: '2025-01-01T00:00:00Z' },
        { id: 2, role: 'admin', createdAt: '2025-03-01T00:00:00Z' },
        { id: 3, role: 'admin', createdAt: '2025-02-01T00:00:00Z' },
      ]),
    ).toEqual([3]);
  });

  it('dates may be Dates (MongoDB) or ISO strings (SQLite)', () => {
    expect(
      platformAdmins([
        { id: 'b', role: 'admin', createdAt: new Date('2025-02-01T00:00:00Z') },
        { id: 'a', role: 'admin', createdAt: '2025-01-31T23:59:59.999Z' },
      ]),
    ).toEqual(['a']);
  });

  it('with no admin, the earliest account runs the platform', () => {
    expect(
      platformAdmins([
        { id: 1, role: 'contributor', createdAt: '2025-02-01T00:00:00Z' },
        { id: 2, role: 'editor', createdAt: '2025-01-01T00:00:00Z' },
      ]),
    ).toEqual([2]);
  });

  it('on the same creation time, the lower id wins, SQLite ids compared as numbers', () => {
    const at = '2025-01-01T00:00:00Z';
    expect(
      platformAdmins([
        { id: 10, role: 'admin', createdAt: at },
        { id: 9, role: 'admin', createdAt: at },
      ]),
    ).toEqual([9]);
  });

  it('on the same creation time, MongoDB ObjectIds compare as their hex (the older id first)', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(
      platformAdmins([
        { id: '665f000000000000000000b1', role: 'admin', createdAt: at },
        { id: '665f000000000000000000a2', role: 'admin', createdAt: at },
      ]),
    ).toEqual(['665f000000000000000000a2']);
  });

  it('an account of unknown age never takes the place of one whose age is known', () => {
    expect(
      platformAdmins([
        { id: 1, role: 'admin', createdAt: null },
        { id: 2, role: 'admin', createdAt: 'not a date' },
        { id: 3, role: 'admin', createdAt: '2025-06-01T00:00:00Z' },
      ]),
    ).toEqual([3]);
    expect(
      platformAdmins([
        { id: 2, role: 'admin' },
        { id: 1, role: 'admin', createdAt: 'not a date' },
      ]),
    ).toEqual([1]);
  });

  it('an unknown or missing role becomes contributor, and such an account is no admin', () => {
    const out = accountsUpgrade([
      { id: 1, role: 'superuser', createdAt: '2025-01-01T00:00:00Z' },
      { id: 2, role: null, createdAt: '2025-01-02T00:00:00Z' },
      { id: 3, createdAt: '2025-01-03T00:00:00Z' },
      { id: 4, role: 'admin', createdAt: '2025-01-04T00:00:00Z' },
    ]);
    expect(out.map((a) => a.role)).toEqual(['contributor', 'contributor', 'contributor', 'admin']);
    expect(out.filter((a) => a.platformAdmin).map((a) => a.id)).toEqual([4]);
  });

  it('no accounts, no platform admin', () => {
    expect(accountsUpgrade([])).toEqual([]);
  });

  it('exactly one platform admin, whatever the input', () => {
    const at = '2025-01-01T00:00:00Z';
    const accounts = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, role: 'admin', createdAt: at }));
    expect(platformAdmins(accounts)).toEqual([1]);
  });
});
