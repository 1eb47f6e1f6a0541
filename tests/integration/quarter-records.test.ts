import { GRAPHQL_POST as graphqlPost } from '@payloadcms/next/routes';
import type { DefaultDocumentIDType, Payload, TypedUser } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLOSING_JOB_CONTEXT } from '../../src/cms/collections/QuarterRecords';
import { coverageInputFromCms } from '../../src/cms/coverage-source';
import { closedRecords, closeEndedQuarters, type CloseResult } from '../../src/cms/district/close-quarters';
import { CLOSE_QUARTERS_TASK, DISTRICT_QUEUE } from '../../src/cms/district/close-quarters-task';
import { REBUILD_TASK } from '../../src/cms/site-build/request';
import { IMPORT_FIRST_PUBLISHED_AT } from '../../src/cms/fields/publication';
import { SKIP_SITE_REBUILD } from '../../src/cms/site-build/hooks';
import { buildCoverageReport } from '../../src/domain/coverage';
import {
  compareWithToday,
  nextClosingRun,
  type QuarterRecord,
  quartersToClose,
  recordHash,
} from '../../src/domain/quarter-record';
import type { QuarterRecord as QuarterRecordDoc, School } from '../../src/payload-types';
import { backend, backendLabel, standInLimits, startTestCms, type TestCms } from '../support/cms';
import { restCall, restLogin } from '../support/rest';

/**
 * The closing job stores each school's result of every ended quarter once,
 * and nobody (platform admins included, server code past access included)
 * changes or removes a record afterwards: through the Local API, REST and
 * GraphQL. Anyone reads them (they are public, like each coverage page).
 */

type Id = DefaultDocumentIDType;
const PASSWORD = 'mat-khau-thu-nghiem-1';
// 07:30 on 1 January 2026 in Vietnam: 2025-Q3 and 2025-Q4 have ended, 2026-Q1 is under way.
const NOW = new Date('2026-01-01T00:30:00Z');
// 07:30 on 1 April 2026 in Vietnam: 2026-Q1 has ended too.
const LATER = new Date('2026-04-01T00:30:00Z');
const CONTEXT = { [IMPORT_FIRST_PUBLISHED_AT]: true, [SKIP_SITE_REBUILD]: true };

const world = {} as {
  cms: TestCms;
  payload: Payload;
  A: School;
  B: School;
  platformAdmin: TypedUser;
  officer: TypedUser;
  memberA: TypedUser;
  editorA: TypedUser;
  editorB: TypedUser;
  articles: Record<string, { id: Id }>;
};
let counter = 0;
const asUser = (doc: object) => ({ ...doc, collection: 'users' }) as TypedUser;

async function makeUser(
  label: string,
  extra: { schools?: { school: Id; role: 'contributor' | 'editor' | 'admin' }[]; platformRole?: 'district-officer' },
) {
  counter += 1;
  const doc = await world.payload.create({
    collection: 'users',
    data: { email: `${label}-${counter}@truong.test`, password: PASSWORD, name: `Thử ${label}`, schools: [], ...extra },
    depth: 0,
  });
  return asUser(doc);
}

const makeSchool = (name: string, slug: string, start: string, min = 1) =>
  world.payload.create({
    collection: 'schools',
    data: {
      name,
      slug,
      columnTitle: 'Bình đẳng giới',
      reportingStartQuarter: start,
      minimumItemsPerQuarter: min,
      countedCollections: ['articles'],
    },
    depth: 0,
  });

/** A published article with its real first publication (an import), in `school`, dated `publishedAt`. */
async function article(
  key: string,
  school: School,
  by: TypedUser,
  publishedAt: string,
  extra: { firstPublishedAt?: string; draft?: boolean } = {},
) {
  const doc = await world.payload.create({
    collection: 'articles',
    data: {
      title: `Bài ${key}`,
      school: school.id,
      _status: extra.draft ? 'draft' : 'published',
      publishedAt,
      firstPublishedAt: extra.firstPublishedAt ?? publishedAt,
      countsTowardColumn: true,
    },
    draft: extra.draft === true,
    user: by,
    depth: 0,
    context: CONTEXT,
  });
  world.articles[key] = doc;
  return doc;
}

const allRecords = async () =>
  (
    await world.payload.find({
      collection: 'quarter-records',
      pagination: false,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs;
const recordOf = async (school: School, quarter: string) => {
  const doc = (await allRecords()).find((d) => String(d.school) === String(school.id) && d.quarter === quarter);
  if (!doc) throw new Error(`no record of ${school.slug} ${quarter}`);
  return doc;
};
const pairs = (result: CloseResult) => result.created.map((c) => `${c.slug} ${c.quarter}`);
const itemIds = (items: QuarterRecord['items']) => items.map((i) => i.id);
const idOf = (key: string) => String(world.articles[key]!.id);

beforeAll(async () => {
  world.cms = await startTestCms();
  world.payload = world.cms.payload;
  world.articles = {};
  // Schools first: the first account would otherwise make a default school.
  world.A = await makeSchool('Trường THCS A', 'thcs-a', '2025-Q3', 2);
  world.B = await makeSchool('Trường THCS B', 'thcs-b', '2025-Q4', 1);
  // The first account is a platform admin (and admin of the first school): its membership goes, so it acts by its role alone.
  const first = await makeUser('platform-admin', {});
  expect(first.platformRole).toBe('platform-admin');
  world.platformAdmin = asUser(
    await world.payload.update({ collection: 'users', id: first.id, data: { schools: [] }, depth: 0 }),
  );
  world.officer = await makeUser('district-officer', { platformRole: 'district-officer' });
  world.memberA = await makeUser('contributor-a', { schools: [{ school: world.A.id, role: 'contributor' }] });
  world.editorA = await makeUser('editor-a', { schools: [{ school: world.A.id, role: 'editor' }] });
  world.editorB = await makeUser('editor-b', { schools: [{ school: world.B.id, role: 'editor' }] });

  const { A, B, editorA, editorB } = world;
  await article('a-q3-1', A, editorA, '2025-08-10T03:00:00.000Z');
  await article('a-q3-2', A, editorA, '2025-09-20T03:00:00.000Z');
  await article('a-q3-draft', A, editorA, '2025-09-21T03:00:00.000Z', { draft: true });
  await article('a-q4', A, editorA, '2025-11-05T03:00:00.000Z');
  // Dated in Q4, first published at 01:00 on 1 January in Vietnam: late, counted nowhere.
  await article('a-q4-late', A, editorA, '2025-12-20T03:00:00.000Z', { firstPublishedAt: '2025-12-31T18:00:00.000Z' });
  // 03:00 on 1 January in Vietnam: the quarter under way at NOW.
  await article('a-q1-early', A, editorA, '2025-12-31T20:00:00.000Z');
  // After NOW: not counted yet then; in 2026-Q1 by LATER.
  await article('a-q1-later', A, editorA, '2026-02-01T03:00:00.000Z');
  await article('b-q4', B, editorB, '2025-10-15T03:00:00.000Z');
});
afterAll(async () => world.cms?.stop());

const rest = (method: string, url: string, options: { token?: string; body?: unknown } = {}) =>
  restCall(world.cms.config, method, url, options);
const login = (user: TypedUser) => restLogin(world.cms.config, String(user.email), PASSWORD);

async function graphql(query: string, token?: string) {
  const post = graphqlPost(Promise.resolve(world.cms.config));
  const response = await post(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify({ query }),
    }),
  );
  return (await response.json()) as { data?: Record<string, any> | null; errors?: { message: string }[] };
}

/** What must never change: the stored document as the database gives it back. */
const snapshot = (doc: QuarterRecordDoc) => ({
  id: doc.id,
  school: String(doc.school),
  quarter: doc.quarter,
  status: doc.status,
  closedAt: doc.closedAt,
  record: doc.record,
  hash: doc.hash,
  updatedAt: doc.updatedAt,
});

describe(`closing ended quarters on ${backendLabel[backend]}`, () => {
  it('records each school’s ended quarters only, with the status, the items and the hash of its report', async () => {
    const result = await closeEndedQuarters(world.payload, { now: NOW });
    expect(result.failed).toEqual([]);
    expect(pairs(result)).toEqual(['thcs-a 2025-Q3', 'thcs-a 2025-Q4', 'thcs-b 2025-Q4']);
    expect(result.created[0]!.school).toBe(world.A.id);
    expect((await allRecords()).length).toBe(3);

    const q3 = await recordOf(world.A, '2025-Q3');
    const record = q3.record as QuarterRecord;
    expect(q3).toMatchObject({ quarter: '2025-Q3', status: 'covered' });
    expect(Date.parse(q3.closedAt)).toBe(NOW.getTime());
    expect(record).toMatchObject({
      version: 1,
      school: { slug: 'thcs-a', name: 'Trường THCS A' },
      quarter: '2025-Q3',
      status: 'covered',
      minPerQuarter: 2,
      count: 2,
      lateItems: [],
      closedAt: NOW.toISOString(),
    });
    expect(itemIds(record.items), 'the published ones, not the draft').toEqual([idOf('a-q3-1'), idOf('a-q3-2')]);
    expect(record.items[0]).toMatchObject({
      collection: 'articles',
      title: 'Bài a-q3-1',
      url: '/binh-dang-gioi/bai-viet/bai-a-q3-1/',
      publishedAt: '2025-08-10T03:00:00.000Z',
    });
    expect(q3.hash).toBe(recordHash(record));
    expect(q3.hash).toMatch(/^[0-9a-f]{64}$/);

    const q4 = (await recordOf(world.A, '2025-Q4')).record as QuarterRecord;
    expect(q4).toMatchObject({ status: 'missed', count: 1 });
    expect(itemIds(q4.items)).toEqual([idOf('a-q4')]);
    expect(itemIds(q4.lateItems)).toEqual([idOf('a-q4-late')]);

    const b = (await recordOf(world.B, '2025-Q4')).record as QuarterRecord;
    expect(b).toMatchObject({ school: { slug: 'thcs-b' }, status: 'covered', minPerQuarter: 1 });
    expect(itemIds(b.items)).toEqual([idOf('b-q4')]);

    const closed = await closedRecords(world.payload, world.A.id);
    expect(closed.map((r) => `${r.quarter} ${r.status} ${r.verified}`)).toEqual([
      '2025-Q3 covered true',
      '2025-Q4 missed true',
    ]);
  });

  it('a second run, or one later the same quarter, records nothing', async () => {
    const before = (await allRecords()).map(snapshot);
    expect(await closeEndedQuarters(world.payload, { now: NOW })).toEqual({ created: [], failed: [] });
    const sameQuarter = new Date(NOW.getTime() + 30 * 86_400_000);
    expect(await closeEndedQuarters(world.payload, { now: sameQuarter })).toEqual({ created: [], failed: [] });
    expect((await allRecords()).map(snapshot)).toEqual(before);
  });

  it('a school whose policy is broken is reported and does not stop the schools after it; archived schools are left alone', async () => {
    const broken = await makeSchool('Trường THCS Hỏng', 'thcs-hong', '2025-Q4');
    const next = await makeSchool('Trường THCS Sau', 'thcs-sau', '2025-Q4');
    // Written past validation, as a hand-edited database could hold it.
    await world.payload.db.updateOne({ collection: 'schools', id: broken.id, data: { reportingStartQuarter: 'sai' } });

    const result = await closeEndedQuarters(world.payload, { now: NOW });
    expect(result.failed).toEqual([
      { school: broken.id, slug: 'thcs-hong', code: 'CoverageBadStart', error: expect.stringContaining('"sai"') },
    ]);
    expect(pairs(result)).toEqual(['thcs-sau 2025-Q4']);
    expect(((await recordOf(next, '2025-Q4')).record as QuarterRecord).status).toBe('missed');

    await world.payload.db.updateOne({ collection: 'schools', id: broken.id, data: { archived: true } });
    expect(await closeEndedQuarters(world.payload, { now: NOW })).toEqual({ created: [], failed: [] });
  });

  it('a later run records only the quarters that have ended since', async () => {
    const result = await closeEndedQuarters(world.payload, { now: LATER });
    expect(result.failed).toEqual([]);
    expect(pairs(result)).toEqual(['thcs-a 2026-Q1', 'thcs-b 2026-Q1', 'thcs-sau 2026-Q1']);
    const q1 = (await recordOf(world.A, '2026-Q1')).record as QuarterRecord;
    expect(q1).toMatchObject({ status: 'covered', closedAt: LATER.toISOString() });
    expect(itemIds(q1.items)).toEqual([idOf('a-q1-early'), idOf('a-q1-later')]);
    // The earlier records are as they were: closed at NOW.
    expect(((await recordOf(world.A, '2025-Q3')).record as QuarterRecord).closedAt).toBe(NOW.toISOString());
  });
});

describe(`nobody changes or removes a record, on ${backendLabel[backend]}`, () => {
  let target: QuarterRecordDoc;
  let before: ReturnType<typeof snapshot>;
  let count: number;
  beforeAll(async () => {
    target = await recordOf(world.A, '2025-Q3');
    before = snapshot(target);
    count = (await allRecords()).length;
  });
  const unchanged = async () => {
    expect(snapshot(await world.payload.findByID({ collection: 'quarter-records', id: target.id, depth: 0 }))).toEqual(
      before,
    );
    expect((await allRecords()).length).toBe(count);
  };
  const tampered = { status: 'missed' as const, hash: '0'.repeat(64) };
  const refusedBy = (code: string) => expect.objectContaining({ code });
  const forbidden = expect.objectContaining({ status: 403 });

  it('Local API, as the platform admin under access: update and delete are forbidden', async () => {
    const user = world.platformAdmin;
    await expect(
      world.payload.update({
        collection: 'quarter-records',
        id: target.id,
        data: tampered,
        overrideAccess: false,
        user,
      }),
    ).rejects.toEqual(forbidden);
    await expect(
      world.payload.delete({ collection: 'quarter-records', id: target.id, overrideAccess: false, user }),
    ).rejects.toEqual(forbidden);
    await expect(
      world.payload.create({
        collection: 'quarter-records',
        data: { ...snapshot(target), id: undefined, school: world.A.id, quarter: '2024-Q1' } as never,
        overrideAccess: false,
        user,
        context: { [CLOSING_JOB_CONTEXT]: true },
      }),
    ).rejects.toEqual(forbidden);
    await unchanged();
  });

  it('Local API past access (overrideAccess: true): the hooks refuse every update and delete, by id or by query', async () => {
    await expect(
      world.payload.update({ collection: 'quarter-records', id: target.id, data: tampered }),
    ).rejects.toEqual(refusedBy('QuarterRecordImmutable'));
    // Even an update that changes nothing, and even from the closing job.
    await expect(
      world.payload.update({
        collection: 'quarter-records',
        id: target.id,
        data: {},
        context: { [CLOSING_JOB_CONTEXT]: true },
      }),
    ).rejects.toEqual(refusedBy('QuarterRecordImmutable'));
    const bulk = await world.payload.update({
      collection: 'quarter-records',
      where: { id: { equals: target.id } },
      data: tampered,
    });
    expect(bulk.docs).toEqual([]);
    expect(bulk.errors.length).toBe(1);

    await expect(world.payload.delete({ collection: 'quarter-records', id: target.id })).rejects.toEqual(
      refusedBy('QuarterRecordImmutable'),
    );
    const bulkDelete = await world.payload.delete({
      collection: 'quarter-records',
      where: { school: { equals: world.A.id } },
    });
    expect(bulkDelete.docs).toEqual([]);
    expect(bulkDelete.errors.length).toBeGreaterThan(0);
    await unchanged();
  });

  it('Local API past access: a create is refused unless the closing job makes it, and then only a consistent one', async () => {
    const record = { ...(target.record as QuarterRecord), quarter: '2024-Q4', closedAt: NOW.toISOString() };
    const good = {
      school: world.A.id,
      quarter: '2024-Q4',
      status: record.status,
      record,
      hash: recordHash(record),
      closedAt: NOW.toISOString(),
    };
    const create = (data: typeof good, fromJob = true) =>
      world.payload.create({
        collection: 'quarter-records',
        data,
        context: fromJob ? { [CLOSING_JOB_CONTEXT]: true } : {},
      });
    await expect(create(good, false)).rejects.toEqual(refusedBy('QuarterRecordCreateRefused'));
    const invalid = (field: string) => expect.objectContaining({ code: 'QuarterRecordInvalid', details: { field } });
    await expect(create({ ...good, hash: recordHash(target.record as QuarterRecord) })).rejects.toEqual(
      invalid('hash'),
    );
    await expect(create({ ...good, hash: good.hash.toUpperCase() })).rejects.toEqual(invalid('hash'));
    await expect(create({ ...good, quarter: '2024-Q3' })).rejects.toEqual(invalid('quarter'));
    await expect(create({ ...good, status: 'missed' })).rejects.toEqual(
      invalid(record.status === 'missed' ? 'hash' : 'status'),
    );
    await expect(create({ ...good, closedAt: LATER.toISOString() })).rejects.toEqual(invalid('closedAt'));
    await expect(create({ ...good, school: world.B.id })).rejects.toEqual(invalid('school'));
    // The same quarter again: one record per school and quarter.
    const again = target.record as QuarterRecord;
    await expect(
      create({ ...good, quarter: again.quarter, record: again, hash: target.hash, closedAt: again.closedAt }),
    ).rejects.toEqual(refusedBy('QuarterRecordExists'));
    await unchanged();
  });

  it('REST, as the platform admin: no create, update, bulk update, delete or duplicate', async () => {
    const token = await login(world.platformAdmin);
    const url = `/quarter-records/${target.id}`;
    expect((await rest('PATCH', url, { token, body: tampered })).status).toBe(403);
    expect(
      (await rest('PATCH', `/quarter-records?where[id][equals]=${target.id}`, { token, body: tampered })).status,
    ).toBe(403);
    expect((await rest('DELETE', url, { token })).status).toBe(403);
    expect((await rest('DELETE', `/quarter-records?where[id][equals]=${target.id}`, { token })).status).toBe(403);
    const body = { ...snapshot(target), id: undefined, quarter: '2024-Q2' };
    expect((await rest('POST', '/quarter-records', { token, body })).status).toBe(403);
    expect([403, 404]).toContain((await rest('POST', `${url}/duplicate`, { token })).status);
    await unchanged();
  });

  it('GraphQL, as the platform admin: the collection has no mutations', async () => {
    const token = await login(world.platformAdmin);
    const id = JSON.stringify(target.id);
    for (const mutation of [
      `mutation { updateQuarterRecord(id: ${id}, data: { status: missed }) { id } }`,
      `mutation { deleteQuarterRecord(id: ${id}) { id } }`,
      `mutation { createQuarterRecord(data: { quarter: "2024-Q1", hash: "x" }) { id } }`,
    ]) {
      const answer = await graphql(mutation, token);
      expect(answer.errors?.length ?? 0, mutation).toBeGreaterThan(0);
      expect(answer.data ?? null).toBeNull();
    }
    await unchanged();
  });
});

describe(`who reads the records, on ${backendLabel[backend]}`, () => {
  const schoolsIn = (docs: { school: unknown }[]) => [...new Set(docs.map((d) => String(d.school)))].sort();
  const readAs = async (user: TypedUser) =>
    (
      await world.payload.find({
        collection: 'quarter-records',
        pagination: false,
        depth: 0,
        overrideAccess: false,
        user,
      })
    ).docs;

  it('everyone reads every record, anonymous readers included: they are public, like each coverage page', async () => {
    const all = schoolsIn(await allRecords());
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const user of [world.memberA, world.editorA, world.editorB, world.officer, world.platformAdmin])
      expect(schoolsIn(await readAs(user))).toEqual(all);
    const anonymous = await world.payload.find({
      collection: 'quarter-records',
      overrideAccess: false,
      pagination: false,
      depth: 0,
    });
    expect(schoolsIn(anonymous.docs)).toEqual(all);
    expect((await closedRecords(world.payload, world.A.id, { user: null })).map((r) => r.quarter)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
    ]);
    expect((await closedRecords(world.payload, world.B.id, { user: world.memberA })).length).toBe(2);
  });

  it('through REST and GraphQL without signing in: one school’s records by its slug, as its site reads them', async () => {
    const list = await rest('GET', '/quarter-records?limit=100&depth=0&where[school.slug][equals]=thcs-a');
    expect(list.status).toBe(200);
    expect(schoolsIn(list.json.docs)).toEqual([String(world.A.id)]);
    const answer = await graphql('{ QuarterRecords(limit: 100) { docs { quarter school { slug } } } }');
    const docs = (answer.data?.QuarterRecords?.docs ?? []) as { school: { slug: string } }[];
    const slugs = new Set(docs.map((d) => d.school.slug));
    expect([...slugs]).toEqual(expect.arrayContaining(['thcs-a', 'thcs-b']));
    expect(slugs.size).toBe(schoolsIn(await allRecords()).length);
  });
});

describe(`a record outlives the data it was made from, on ${backendLabel[backend]}`, () => {
  it('deleting and unpublishing its articles leaves the record as it was; today’s comparison names them', async () => {
    const stored = await recordOf(world.A, '2025-Q3');
    const before = snapshot(stored);
    await world.payload.delete({ collection: 'articles', id: world.articles['a-q3-1']!.id, context: CONTEXT });
    await world.payload.update({
      collection: 'articles',
      id: world.articles['a-q3-2']!.id,
      data: { _status: 'draft' },
      context: CONTEXT,
    });

    const after = await recordOf(world.A, '2025-Q3');
    expect(snapshot(after)).toEqual(before);
    const [q3] = await closedRecords(world.payload, world.A.id);
    expect(q3).toMatchObject({ quarter: '2025-Q3', status: 'covered', verified: true });

    const today = buildCoverageReport(await coverageInputFromCms(world.payload, { school: world.A, now: LATER }));
    const difference = compareWithToday(after.record as QuarterRecord, today);
    expect(itemIds(difference.removed)).toEqual([idOf('a-q3-1'), idOf('a-q3-2')]);
    expect(difference).toMatchObject({ added: [], statusToday: 'missed', statusChanged: true });
  });

  it('a record whose stored bytes were changed under the API (straight in the database) no longer verifies', async () => {
    const school = await makeSchool('Trường THCS Sửa Lén', 'thcs-sua-len', '2025-Q4');
    await closeEndedQuarters(world.payload, { now: NOW });
    const doc = await recordOf(school, '2025-Q4');
    const record = doc.record as QuarterRecord;
    await world.payload.db.updateOne({
      collection: 'quarter-records',
      id: doc.id,
      data: { record: { ...record, status: 'covered', count: 1 } },
    });
    const [closed] = await closedRecords(world.payload, school.id);
    expect(closed).toMatchObject({ quarter: '2025-Q4', verified: false });
  });
});

describe(`concurrent runners, on ${backendLabel[backend]}`, () => {
  it.skipIf(standInLimits.uniqueIndexes)(
    'two runs at once record each quarter once, and neither reports a failure [not run on the MongoDB stand-in: it does not enforce unique indexes]',
    async () => {
      const school = await makeSchool('Trường THCS Đồng Thời', 'thcs-dong-thoi', '2025-Q3');
      const [one, two] = await Promise.all([
        closeEndedQuarters(world.payload, { now: NOW }),
        closeEndedQuarters(world.payload, { now: NOW }),
      ]);
      expect([...one.failed, ...two.failed]).toEqual([]);
      expect([...pairs(one), ...pairs(two)].sort()).toEqual(['thcs-dong-thoi 2025-Q3', 'thcs-dong-thoi 2025-Q4']);
      const stored = (await allRecords()).filter((d) => String(d.school) === String(school.id));
      expect(stored.map((d) => d.quarter).sort()).toEqual(['2025-Q3', '2025-Q4']);
    },
  );

  it.skipIf(standInLimits.uniqueIndexes)(
    'the (school, quarter) index refuses a second record written past the hooks [not run on the MongoDB stand-in: it does not enforce unique indexes]',
    async () => {
      const doc = await recordOf(world.B, '2025-Q4');
      const { id: _id, ...data } = doc;
      await expect(world.payload.db.create({ collection: 'quarter-records', data })).rejects.toThrow();
    },
  );
});

describe(`the closing job, on ${backendLabel[backend]}`, () => {
  it('is scheduled on the district queue for 00:05 Vietnam time', async () => {
    expect(world.cms.config.jobs.scheduling).toBe(true);
    const task = world.cms.config.jobs.tasks?.find((t) => t.slug === CLOSE_QUARTERS_TASK);
    expect(task?.schedule?.map((s) => s.queue)).toEqual([DISTRICT_QUEUE]);

    const from = new Date();
    await world.payload.jobs.handleSchedules({ queue: DISTRICT_QUEUE });
    const { docs } = await world.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: CLOSE_QUARTERS_TASK } },
      depth: 0,
    });
    expect(docs.length).toBe(1);
    const due = Date.parse(String(docs[0]!.waitUntil));
    expect([nextClosingRun(from).getTime(), nextClosingRun(new Date()).getTime()]).toContain(due);
    // Waiting for its time: a run of the queue now leaves it be.
    await world.payload.jobs.run({ queue: DISTRICT_QUEUE });
    expect(await world.payload.count({ collection: 'quarter-records', where: {} })).toEqual({
      totalDocs: (await allRecords()).length,
    });
    const job = await world.payload.findByID({ collection: 'payload-jobs', id: docs[0]!.id, depth: 0 });
    expect(job.completedAt ?? null).toBeNull();
    // A second scheduling pass queues nothing more while one run waits.
    await world.payload.jobs.handleSchedules({ queue: DISTRICT_QUEUE });
    expect(
      (await world.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: CLOSE_QUARTERS_TASK } } }))
        .totalDocs,
    ).toBe(1);
    await world.payload.delete({ collection: 'payload-jobs', id: docs[0]!.id });
  });

  it('queued and run, closes every quarter that has ended by today', async () => {
    const before = (await allRecords()).length;
    const now = new Date();
    const { docs: schools } = await world.payload.find({
      collection: 'schools',
      where: { archived: { not_equals: true } },
      pagination: false,
      depth: 0,
    });
    const due = new Map<string, string[]>();
    for (const school of schools) {
      const recorded = (await closedRecords(world.payload, school.id)).map((r) => r.quarter);
      due.set(school.slug, quartersToClose(school.reportingStartQuarter, now, recorded));
    }
    expect(due.get('thcs-a')?.length, 'today is quarters after LATER').toBeGreaterThan(0);

    const job = await world.payload.jobs.queue({ task: CLOSE_QUARTERS_TASK, queue: DISTRICT_QUEUE, input: {} });
    const run = await world.payload.jobs.run({ queue: DISTRICT_QUEUE });
    expect(run.jobStatus?.[String(job.id)]?.status).toBe('success');
    const expected = [...due.values()].reduce((n, quarters) => n + quarters.length, 0);
    expect((await allRecords()).length - before).toBe(expected);
    for (const school of schools) {
      const closed = (await closedRecords(world.payload, school.id)).map((r) => r.quarter);
      expect(closed).toEqual(expect.arrayContaining(due.get(school.slug)!));
    }
    // Each school with a new record gets its site rebuilt (the coverage page lists records; lich.ics moves on).
    const { docs: rebuilds } = await world.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: REBUILD_TASK } },
      pagination: false,
      depth: 0,
    });
    const rebuilt = new Set(rebuilds.map((j) => String((j.input as { school?: string }).school)));
    for (const school of schools)
      expect(rebuilt.has(String(school.id)), school.slug).toBe((due.get(school.slug) ?? []).length > 0);
  });
});
