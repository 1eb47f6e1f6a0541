import { createServer, type Server } from 'node:http';

import type { Payload, TypedUser } from 'payload';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  refreshSelfReports,
  SELF_REPORTED_SCHOOLS,
  SELF_REPORTS_CONCURRENCY,
  SELF_REPORTS_QUEUE,
  SELF_REPORTS_TASK,
  selfReportedSources,
  SKIP_SELF_REPORT_FETCH,
} from '../../src/cms/district/self-reports';
import { renderMessage } from '../../src/messages/catalogue';
import type { SelfReportedSchool } from '../../src/payload-types';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';
import { schoolReport } from '../support/district-reports';
import { createSchool } from '../support/fixtures';
import { freePort } from '../support/ports';
import { restCall, restLogin } from '../support/rest';

/**
 * Schools that run their own install, known by the address of their
 * coverage.json: the job fetches and validates each one, keeps the last good
 * report when a later fetch fails, and only the district's people see them.
 */

const PASSWORD = 'mat-khau-thu-nghiem-1';
const reportA = schoolReport('THCS Tự Cài A', { start: '2022-Q1', now: '2022-08-01T00:00:00Z', covered: ['2022-Q1'] });
const reportB = schoolReport('THCS Tự Cài B', {
  start: '2022-Q1',
  now: '2022-08-01T00:00:00Z',
  covered: ['2022-Q1', '2022-Q2'],
});

// A small school site per path; /b/ answers as `bState` says.
let bState: 'ok' | 'missing' | 'html' = 'ok';
const site: Server = createServer((req, res) => {
  const json = (body: unknown) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/a/coverage.json') return json(reportA);
  if (path === '/b/coverage.json') {
    if (bState === 'ok') return json(reportB);
    if (bState === 'html') return res.end('<!doctype html><p>Bảo trì</p>');
  }
  if (path === '/slow/coverage.json') return; // never answers
  res.statusCode = 404;
  res.end();
});

type Role = 'platformAdmin' | 'officer' | 'schoolAdmin' | 'schoolEditor';
const ctx = {} as { cms: TestCms; payload: Payload; base: string; users: Record<Role, TypedUser> };
let counter = 0;

async function makeUser(label: string, extra: Record<string, unknown>): Promise<TypedUser> {
  counter += 1;
  const doc = await ctx.payload.create({
    collection: 'users',
    data: { email: `${label}-${counter}@truong.test`, password: PASSWORD, name: `Thử ${label}`, ...extra },
    depth: 0,
  });
  return { ...doc, collection: 'users' } as TypedUser;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  ctx.base = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  ctx.cms = await startTestCms();
  ctx.payload = ctx.cms.payload;
  const school = await createSchool(ctx.payload, { name: 'Trường THCS Nền Tảng', slug: 'thcs-nen-tang' });
  // The first account of an install is its platform admin.
  const platformAdmin = await makeUser('platform-admin', {});
  expect(platformAdmin.platformRole).toBe('platform-admin');
  ctx.users = {
    platformAdmin,
    officer: await makeUser('officer', { platformRole: 'district-officer' }),
    schoolAdmin: await makeUser('school-admin', { schools: [{ school: school.id, role: 'admin' }] }),
    schoolEditor: await makeUser('school-editor', { schools: [{ school: school.id, role: 'editor' }] }),
  };
});
afterAll(async () => {
  await ctx.cms?.stop();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

const quiet = { [SKIP_SELF_REPORT_FETCH]: true };

/** A self-reported school written past access, without queueing its fetch. */
const addSchool = (name: string, coverageUrl: string) =>
  ctx.payload.create({ collection: SELF_REPORTED_SCHOOLS, data: { name, coverageUrl }, depth: 0, context: quiet });

const stored = (id: SelfReportedSchool['id']) =>
  ctx.payload.findByID({ collection: SELF_REPORTED_SCHOOLS, id, depth: 0 });

async function pendingFetches() {
  const { docs } = await ctx.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: SELF_REPORTS_TASK } }, { completedAt: { exists: false } }] },
    pagination: false,
    depth: 0,
  });
  return docs;
}

async function clearEverything() {
  await ctx.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: SELF_REPORTS_TASK } } });
  await ctx.payload.delete({ collection: SELF_REPORTED_SCHOOLS, where: {}, context: quiet });
}

describe(`self-reported schools on ${backendLabel[backend]}`, () => {
  beforeEach(async () => {
    bState = 'ok';
    await clearEverything();
  });

  it('a new school is fetched by the job its save queues, and its report is stored', async () => {
    const doc = await ctx.payload.create({
      collection: SELF_REPORTED_SCHOOLS,
      data: { name: 'THCS Tự Cài A', district: 'Huyện Gia Lâm', coverageUrl: `  ${ctx.base}/a/  ` },
      user: ctx.users.platformAdmin,
      overrideAccess: false,
      depth: 0,
    });
    expect(doc.coverageUrl, 'the address is stored trimmed').toBe(`${ctx.base}/a/`);
    expect(doc.lastFetchedAt ?? null, 'the save did not wait for the fetch').toBeNull();
    const jobs = await pendingFetches();
    expect(jobs.map((j) => [j.queue, (j.input as { school?: string }).school])).toEqual([
      [SELF_REPORTS_QUEUE, String(doc.id)],
    ]);

    await ctx.payload.jobs.run({ queue: SELF_REPORTS_QUEUE });
    const after = await stored(doc.id);
    expect(after.lastReport).toEqual(reportA);
    expect(after.lastSuccessAt).toBeTruthy();
    expect(after.lastFetchedAt).toBe(after.lastSuccessAt);
    expect(after.lastError ?? null).toBeNull();
    expect(after.lastErrorName ?? null).toBeNull();
    expect(await pendingFetches()).toHaveLength(0);

    const [source] = await selfReportedSources(ctx.payload);
    expect(source).toMatchObject({
      origin: 'self-reported',
      source: `${ctx.base}/a/`,
      name: 'THCS Tự Cài A',
      district: 'Huyện Gia Lâm',
      report: reportA,
      lastError: null,
    });
  });

  it('a later failed fetch keeps the last good report and records the error beside it', async () => {
    const doc = await addSchool('THCS Tự Cài B', `${ctx.base}/b`);
    const first = new Date('2026-03-01T01:17:00Z');
    expect((await refreshSelfReports(ctx.payload, { now: first })).fetched).toBe(1);

    bState = 'missing';
    const second = new Date('2026-03-01T02:17:00Z');
    const summary = await refreshSelfReports(ctx.payload, { now: second });
    expect(summary).toMatchObject({ fetched: 0, failed: 1 });
    const after = await stored(doc.id);
    expect(after.lastReport).toEqual(reportB);
    expect(after.lastSuccessAt).toBe(first.toISOString());
    expect(after.lastFetchedAt).toBe(second.toISOString());
    expect(after.lastErrorName).toBe('DistrictHttpStatus');
    expect(after.lastError).toBe(`máy chủ trả lời HTTP 404 cho ${ctx.base}/b/coverage.json`);
    const [source] = await selfReportedSources(ctx.payload);
    expect(source).toMatchObject({
      report: reportB,
      lastSuccessAt: first.toISOString(),
      lastError: { name: 'DistrictHttpStatus', message: after.lastError },
    });

    // Back up: the error goes, the new report is the one kept.
    bState = 'ok';
    await refreshSelfReports(ctx.payload, { now: new Date('2026-03-01T03:17:00Z') });
    const healed = await stored(doc.id);
    expect([healed.lastError ?? null, healed.lastErrorName ?? null]).toEqual([null, null]);
    expect(healed.lastSuccessAt).toBe('2026-03-01T03:17:00.000Z');
  });

  it("one school's failure never stops the others", async () => {
    const unreachable = await addSchool('THCS Tắt Máy', `http://127.0.0.1:${await freePort()}/`);
    const slow = await addSchool('THCS Chậm', `${ctx.base}/slow/`);
    const html = await addSchool('THCS Bảo Trì', `${ctx.base}/b/`);
    const good = await addSchool('THCS Tự Cài A', `${ctx.base}/a/coverage.json`);
    const never = await addSchool('THCS Mới Thêm', `${ctx.base}/chua-tai/`);
    bState = 'html';
    const summary = await refreshSelfReports(ctx.payload, {
      now: new Date(),
      timeoutMs: 500,
      ids: [unreachable.id, slow.id, html.id, good.id],
    });
    expect(summary.fetched).toBe(1);
    expect(summary.failed).toBe(3);
    const names = Object.fromEntries(summary.outcomes.map((o) => [o.id, o.ok ? 'ok' : o.errorName]));
    expect(names).toEqual({
      [unreachable.id]: 'DistrictUnreachable',
      [slow.id]: 'DistrictTimeout',
      [html.id]: 'DistrictNotJson',
      [good.id]: 'ok',
    });
    expect(summary.outcomes.every((o) => o.written)).toBe(true);
    expect((await stored(good.id)).lastReport).toEqual(reportA);
    expect((await stored(slow.id)).lastError).toBe('quá thời gian chờ (0.5 giây)');

    // For the dashboard: the good one's report; the others' reasons, never a covered row.
    const sources = await selfReportedSources(ctx.payload);
    const byName = Object.fromEntries(sources.map((s) => [s.name, 'report' in s ? 'report' : s.error]));
    expect(byName).toEqual({
      'THCS Bảo Trì': 'không phải JSON hợp lệ',
      'THCS Chậm': 'quá thời gian chờ (0.5 giây)',
      'THCS Mới Thêm': renderMessage('DistrictNotFetchedYet').message,
      'THCS Tắt Máy': 'không kết nối được (ECONNREFUSED)',
      'THCS Tự Cài A': 'report',
    });
    expect(sources.every((s) => s.origin === 'self-reported')).toBe(true);
    expect((await stored(never.id)).lastFetchedAt ?? null).toBeNull();
  });

  it('fetches a few schools at a time, every one in the end', async () => {
    for (let i = 0; i < 7; i++) await addSchool(`THCS Số ${i}`, `${ctx.base}/a/?truong=${i}`);
    let inFlight = 0;
    let most = 0;
    const summary = await refreshSelfReports(ctx.payload, {
      now: new Date(),
      fetch: async (url, init) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= 1;
        return fetch(url, init);
      },
    });
    expect([summary.fetched, summary.failed, most]).toEqual([7, 0, SELF_REPORTS_CONCURRENCY]);
  });

  it('a changed address queues a fetch; other edits do not; a report from the old address is not written', async () => {
    const doc = await addSchool('THCS Đổi Địa Chỉ', `${ctx.base}/a/`);
    const as = { user: ctx.users.platformAdmin, overrideAccess: false, depth: 0 } as const;
    await ctx.payload.update({ collection: SELF_REPORTED_SCHOOLS, id: doc.id, data: { name: 'THCS Đổi Tên' }, ...as });
    expect(await pendingFetches()).toHaveLength(0);
    await ctx.payload.update({
      collection: SELF_REPORTED_SCHOOLS,
      id: doc.id,
      data: { coverageUrl: `${ctx.base}/b/` },
      ...as,
    });
    expect(await pendingFetches()).toHaveLength(1);

    // The hourly fetch reads /b/ while the admin moves the school to /a/: its answer belongs to the old address.
    const summary = await refreshSelfReports(ctx.payload, {
      now: new Date(),
      fetch: async (url, init) => {
        await ctx.payload.update({
          collection: SELF_REPORTED_SCHOOLS,
          id: doc.id,
          data: { coverageUrl: `${ctx.base}/a/` },
          context: quiet,
        });
        return fetch(url, init);
      },
    });
    expect(summary.outcomes).toEqual([expect.objectContaining({ ok: true, written: false })]);
    expect((await stored(doc.id)).lastReport ?? null).toBeNull();
  });

  it('refuses an address that is not a full http(s) address, with the message for it', async () => {
    for (const coverageUrl of ['thcs-a.edu.vn/binh-dang-gioi', 'ftp://thcs-a.edu.vn/', '']) {
      const error = await ctx.payload
        .create({ collection: SELF_REPORTED_SCHOOLS, data: { name: 'THCS Sai', coverageUrl }, context: quiet })
        .then(
          () => undefined,
          (e: { data?: { errors?: { path: string; message: string }[] } }) => e,
        );
      expect(error?.data?.errors).toEqual([
        { label: 'Địa chỉ báo cáo', path: 'coverageUrl', message: renderMessage('SelfReportUrlInvalid').text },
      ]);
    }
  });

  it('the hourly schedule queues one fetch of every school on the district queue', async () => {
    // The district queue also carries the quarter-closing schedule: only this task's entry is looked at.
    const { queued } = await ctx.payload.jobs.handleSchedules({ queue: SELF_REPORTS_QUEUE });
    expect(queued.map((q) => q.taskConfig?.slug)).toContain(SELF_REPORTS_TASK);
    const [job] = await pendingFetches();
    expect(job?.queue).toBe(SELF_REPORTS_QUEUE);
    expect((job?.input as { school?: string } | undefined)?.school ?? null).toBeNull();
    expect(new Date(job!.waitUntil!).getUTCMinutes()).toBe(17);
    // Already queued: the next round adds none.
    const again = (await ctx.payload.jobs.handleSchedules({ queue: SELF_REPORTS_QUEUE })).queued;
    expect(again.map((q) => q.taskConfig?.slug)).not.toContain(SELF_REPORTS_TASK);
  });
});

describe(`who sees self-reported schools on ${backendLabel[backend]}`, () => {
  type Who = Role | 'anonymous';
  const user = (who: Who) => (who === 'anonymous' ? undefined : ctx.users[who]);
  const as = (who: Who) => ({ user: user(who), overrideAccess: false, depth: 0 }) as const;
  /** A refusal is an answer: false. */
  const allowed = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return true;
    } catch (error) {
      if ([401, 403, 404].includes((error as { status?: number }).status ?? 0)) return false;
      throw error;
    }
  };

  beforeEach(clearEverything);

  // prettier-ignore
  const table: Record<Who, { read: boolean; create: boolean; update: boolean; delete: boolean }> = {
    platformAdmin: { read: true,  create: true,  update: true,  delete: true },
    officer:       { read: true,  create: false, update: false, delete: false },
    schoolAdmin:   { read: false, create: false, update: false, delete: false },
    schoolEditor:  { read: false, create: false, update: false, delete: false },
    anonymous:     { read: false, create: false, update: false, delete: false },
  };

  it.each(Object.keys(table) as Who[])('Local API with overrideAccess: false, as %s', async (who) => {
    const doc = await addSchool('THCS Tự Cài A', `${ctx.base}/a/`);
    const read = await allowed(async () => {
      const { docs } = await ctx.payload.find({ collection: SELF_REPORTED_SCHOOLS, ...as(who) });
      if (!docs.some((d) => String(d.id) === String(doc.id)))
        throw Object.assign(new Error('not listed'), { status: 404 });
      await ctx.payload.findByID({ collection: SELF_REPORTED_SCHOOLS, id: doc.id, ...as(who) });
    });
    const create = await allowed(() =>
      ctx.payload.create({
        collection: SELF_REPORTED_SCHOOLS,
        data: { name: 'THCS Mới', coverageUrl: `${ctx.base}/b/` },
        context: quiet,
        ...as(who),
      }),
    );
    const update = await allowed(() =>
      ctx.payload.update({
        collection: SELF_REPORTED_SCHOOLS,
        id: doc.id,
        data: { name: 'THCS Đã Sửa' },
        ...as(who),
      }),
    );
    expect((await stored(doc.id)).name === 'THCS Đã Sửa').toBe(update);
    const deleted = await allowed(() =>
      ctx.payload.delete({ collection: SELF_REPORTED_SCHOOLS, id: doc.id, context: quiet, ...as(who) }),
    );
    expect({ read, create, update, delete: deleted }).toEqual(table[who]);
  });

  it('nobody writes what the job writes, not even a platform admin', async () => {
    const fake = {
      lastReport: reportB,
      lastSuccessAt: '2026-01-01T00:00:00.000Z',
      lastError: 'bịa',
      lastErrorName: 'X',
    };
    const created = await ctx.payload.create({
      collection: SELF_REPORTED_SCHOOLS,
      data: { name: 'THCS Bịa', coverageUrl: `${ctx.base}/a/`, ...fake },
      context: quiet,
      ...as('platformAdmin'),
    });
    await ctx.payload.update({ collection: SELF_REPORTED_SCHOOLS, id: created.id, data: fake, ...as('platformAdmin') });
    const after = await stored(created.id);
    expect([after.lastReport, after.lastSuccessAt, after.lastError, after.lastErrorName].map((v) => v ?? null)).toEqual(
      [null, null, null, null],
    );
  });

  it('through REST: the platform admin manages, the district officer reads, the rest see nothing', async () => {
    const call = (method: string, url: string, token?: string, body?: unknown) =>
      restCall(ctx.cms.config, method, url, { token, body });
    const token = async (who: Who) =>
      who === 'anonymous' ? undefined : restLogin(ctx.cms.config, ctx.users[who].email as string, PASSWORD);
    const tokens = Object.fromEntries(
      await Promise.all((Object.keys(table) as Who[]).map(async (who) => [who, await token(who)] as const)),
    ) as Record<Who, string | undefined>;

    const made = await call('POST', `/${SELF_REPORTED_SCHOOLS}`, tokens.platformAdmin, {
      name: 'THCS Qua REST',
      coverageUrl: `${ctx.base}/a/`,
    });
    expect(made.status).toBe(201);
    const id = made.json.doc.id;
    const bad = await call('POST', `/${SELF_REPORTED_SCHOOLS}`, tokens.platformAdmin, {
      name: 'THCS Sai',
      coverageUrl: 'thcs-sai.edu.vn',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain(renderMessage('SelfReportUrlInvalid').message);

    for (const who of Object.keys(table) as Who[]) {
      const list = await call('GET', `/${SELF_REPORTED_SCHOOLS}`, tokens[who]);
      const one = await call('GET', `/${SELF_REPORTED_SCHOOLS}/${id}`, tokens[who]);
      expect([who, list.status, one.status]).toEqual([who, ...(table[who].read ? [200, 200] : [403, 403])]);
      if (table[who].read) expect(list.json.docs.map((d: { id: unknown }) => d.id)).toEqual([id]);
      if (who === 'platformAdmin') continue;
      const post = await call('POST', `/${SELF_REPORTED_SCHOOLS}`, tokens[who], { name: 'X', coverageUrl: ctx.base });
      const patch = await call('PATCH', `/${SELF_REPORTED_SCHOOLS}/${id}`, tokens[who], { name: 'Đã sửa' });
      const del = await call('DELETE', `/${SELF_REPORTED_SCHOOLS}/${id}`, tokens[who]);
      expect([who, post.status, patch.status, del.status]).toEqual([who, 403, 403, 403]);
    }
    const patched = await call('PATCH', `/${SELF_REPORTED_SCHOOLS}/${id}`, tokens.platformAdmin, {
      name: 'THCS Đã Sửa',
      lastError: 'bịa',
    });
    expect([patched.status, patched.json.doc.name, patched.json.doc.lastError ?? null]).toEqual([
      200,
      'THCS Đã Sửa',
      null,
    ]);
    expect((await call('DELETE', `/${SELF_REPORTED_SCHOOLS}/${id}`, tokens.platformAdmin)).status).toBe(200);
  });
});
