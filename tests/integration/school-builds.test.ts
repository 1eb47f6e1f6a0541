import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

import { handleEndpoints } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { acquireLease, LEASE_MS, releaseLease, renewLease } from '../../src/cms/site-build/lease';
import { REBUILD_QUEUE, REBUILD_TASK, rebuildKey } from '../../src/cms/site-build/request';
import { runSiteBuild } from '../../src/cms/site-build/run';
import type { School } from '../../src/payload-types';
import { backend, backendLabel, standInLimits, startTestCms, type TestCms } from '../support/cms';
import { createDoc, createSchool, createStaff, firstSchool, type Staff } from '../support/fixtures';

/**
 * Many schools on one install: a change in school A asks for A's rebuild
 * only; each school has its own build status; one school's failing build
 * leaves another's alone; and across two job-runner processes sharing one
 * database a school's builds never overlap.
 */
let cms: TestCms;
let a: School;
let b: School;
let staffA: Staff;
let staffB: Staff;

beforeAll(async () => {
  cms = await startTestCms();
  staffA = await createStaff(cms.payload);
  a = await firstSchool(cms.payload);
  b = await createSchool(cms.payload, { name: 'THCS Lê Lợi', slug: 'thcs-le-loi' });
  staffB = await createStaff(cms.payload, { school: b.id });
});
afterAll(async () => cms?.stop());

async function pendingFor(school: School) {
  const { docs } = await cms.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: REBUILD_TASK } },
        { concurrencyKey: { equals: rebuildKey(school.id) } },
        { completedAt: { exists: false } },
      ],
    },
    limit: 100,
  });
  return docs;
}
const clearRebuilds = () =>
  cms.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: REBUILD_TASK } } });

async function statusOf(school: School) {
  const { docs } = await cms.payload.find({ collection: 'site-builds', where: { school: { equals: school.id } } });
  return docs[0];
}

/** A deploy hook that answers after `ms`, remembering which school each call was for and how many ran at once. */
async function slowHook(ms: number, fail: (school: string) => boolean = () => false) {
  const calls: { school: string; start: number; end: number }[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const school = (JSON.parse(body || '{}') as { school?: string }).school ?? '?';
      const start = Date.now();
      inFlight.set(school, (inFlight.get(school) ?? 0) + 1);
      maxInFlight.set(school, Math.max(maxInFlight.get(school) ?? 0, inFlight.get(school)!));
      setTimeout(() => {
        inFlight.set(school, inFlight.get(school)! - 1);
        calls.push({ school, start, end: Date.now() });
        res.statusCode = fail(school) ? 500 : 200;
        res.end(fail(school) ? 'hỏng' : 'ok');
      }, ms);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  return { url, calls, maxInFlight, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe(`rebuilds per school on ${backendLabel[backend]}`, () => {
  it("publishing in A asks for A's rebuild only; B's pending rebuild is not merged into it", async () => {
    await clearRebuilds();
    await createDoc(cms.payload, 'articles', { by: staffB.editor, status: 'published' });
    expect(await pendingFor(b)).toHaveLength(1);
    await createDoc(cms.payload, 'articles', { by: staffA.editor, status: 'published' });
    await createDoc(cms.payload, 'articles', { by: staffA.editor, status: 'published' });
    expect(await pendingFor(a)).toHaveLength(1);
    expect(await pendingFor(b)).toHaveLength(1);
    expect((await statusOf(a))?.state).toBe('pending');
  });

  it("changing a school's column settings rebuilds that school only", async () => {
    await clearRebuilds();
    await cms.payload.update({ collection: 'schools', id: b.id, data: { columnTitle: 'Bình đẳng giới – Lê Lợi' } });
    expect(await pendingFor(b)).toHaveLength(1);
    expect(await pendingFor(a)).toHaveLength(0);
  });

  it('"rebuild now" asks for the school named, and only its editors and admins may', async () => {
    await clearRebuilds();
    const post = async (user: Staff['editor'], school?: string) => {
      const { token } = await cms.payload.login({
        collection: 'users',
        data: { email: user.email as string, password: 'mat-khau-thu-nghiem-1' },
      });
      const query = school ? `?school=${school}` : '';
      const request = new Request(`http://localhost:3000/api/site-builds/rebuild${query}`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
      });
      return (await handleEndpoints({ config: cms.config, request })).status;
    };
    expect(await post(staffA.editor, b.slug)).toBe(403);
    expect(await post(staffB.contributor)).toBe(403);
    expect(await post(staffB.editor)).toBe(202);
    expect(await post(staffB.editor, 'khong-co-truong-nay')).toBe(404);
    expect(await pendingFor(b)).toHaveLength(1);
    expect(await pendingFor(a)).toHaveLength(0);
  });

  it("each school sees its own build status; B's staff cannot read A's", async () => {
    await statusOf(a);
    const seen = await cms.payload.find({
      collection: 'site-builds',
      user: staffB.editor,
      overrideAccess: false,
      depth: 0,
    });
    expect(seen.docs.map((d) => d.school)).toEqual([b.id]);
    // The lease is the system's: not even a platform admin reads it.
    const [own] = seen.docs;
    expect(own).not.toHaveProperty('leaseHolder');
  });

  it("B's failing build is recorded for B and leaves A's success alone", async () => {
    const hook = await slowHook(10, (school) => school === b.slug);
    try {
      const target = { deployHookUrl: hook.url, cmsUrl: 'unused', distRoot: 'unused' };
      const [okA, failedB] = await Promise.all([
        runSiteBuild(cms.payload, { school: a.id, reason: 'thử A' }, target),
        runSiteBuild(cms.payload, { school: b.id, reason: 'thử B' }, target),
      ]);
      expect(okA.ok).toBe(true);
      expect(failedB.ok).toBe(false);
      expect(failedB.failure?.name).toBe('DeployHookHttp');
      const [statusA, statusB] = [await statusOf(a), await statusOf(b)];
      expect(statusA?.lastSuccessAt).toBeTruthy();
      expect(statusA?.lastReason).toBe('thử A');
      expect(statusB?.lastFailureAt).toBeTruthy();
      expect(statusB?.lastReason).toBe('thử B');
      expect(hook.calls.map((c) => c.school).sort()).toEqual([a.slug, b.slug].sort());
    } finally {
      await hook.close();
    }
  });

  it('an archived school is not built; its site is taken down', async () => {
    const c = await createSchool(cms.payload, { name: 'THCS Trần Phú', slug: 'thcs-tran-phu' });
    await cms.payload.update({ collection: 'schools', id: c.id, data: { archived: true } });
    const hook = await slowHook(10);
    try {
      const outcome = await runSiteBuild(
        cms.payload,
        { school: c.id, reason: 'lưu trữ' },
        { deployHookUrl: hook.url, cmsUrl: 'unused', distRoot: 'unused' },
      );
      expect(outcome).toMatchObject({ ok: true, archived: true });
      expect(hook.calls).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });
});

describe(`the build lease on ${backendLabel[backend]}`, () => {
  it('is held by one runner at a time, renewed only by its holder, and runs out by itself', async () => {
    const first = await acquireLease(cms.payload, a.id);
    expect(first).not.toBeNull();
    expect(await acquireLease(cms.payload, a.id)).toBeNull();
    // Another school's lease is its own.
    const other = await acquireLease(cms.payload, b.id);
    expect(other).not.toBeNull();
    expect(await renewLease(cms.payload, { school: a.id, holder: 'someone-else' })).toBe(false);
    expect(await renewLease(cms.payload, first!)).toBe(true);
    // A runner that died: its lease ends LEASE_MS after the last renewal.
    const later = new Date(Date.now() + LEASE_MS + 1000);
    const taken = await acquireLease(cms.payload, a.id, later);
    expect(taken).not.toBeNull();
    expect(await renewLease(cms.payload, first!)).toBe(false);
    await releaseLease(cms.payload, taken!);
    await releaseLease(cms.payload, other!);
    expect(await acquireLease(cms.payload, a.id)).not.toBeNull();
  });
});

describe(`two job runners sharing one database (${backendLabel[backend]})`, () => {
  let runners: ChildProcess[] = [];
  afterAll(() => runners.forEach((r) => r.kill('SIGKILL')));

  // Not on the stand-in: its conditional writes are not atomic (standInLimits), so two runners can both claim.
  it.skipIf(standInLimits.atomicConditionalWrites)(
    "never build one school twice at once, and build every school's queued rebuilds",
    { timeout: 120_000 },
    async () => {
      await clearRebuilds();
      // Leases left by the test above.
      await cms.payload.update({
        collection: 'site-builds',
        where: {},
        data: { leaseHolder: null, leaseUntil: null },
        overrideAccess: true,
      });
      const hook = await slowHook(1500);
      try {
        for (const [school, count] of [
          [a, 3],
          [b, 2],
        ] as const)
          for (let i = 0; i < count; i++)
            await cms.payload.jobs.queue({
              task: REBUILD_TASK,
              queue: REBUILD_QUEUE,
              input: { school: String(school.id), reason: `lần ${i + 1}` },
            });
        const root = path.resolve(import.meta.dirname, '../..');
        const env = {
          ...process.env,
          SITE_DEPLOY_HOOK_URL: hook.url,
          SITE_REBUILD_DEBOUNCE_MS: '200',
          NODE_ENV: 'test' as const,
        };
        const start = () =>
          spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/jobs.ts'], {
            cwd: root,
            env,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
        runners = [start(), start()];
        const deadline = Date.now() + 100_000;
        // Every queued rebuild ran (a deferred one is queued again and runs after).
        while (
          Date.now() < deadline &&
          (hook.calls.length < 2 || (await pendingFor(a)).length + (await pendingFor(b)).length > 0)
        )
          await new Promise((resolve) => setTimeout(resolve, 500));
        // Every request was served: nothing is left pending. A rebuild deferred by the lease may merge into
        // one already pending (one build for both), so a school can have fewer builds than requests.
        expect((await pendingFor(a)).length + (await pendingFor(b)).length).toBe(0);
        expect(hook.calls.filter((c) => c.school === a.slug).length).toBeGreaterThanOrEqual(1);
        expect(hook.calls.filter((c) => c.school === b.slug).length).toBeGreaterThanOrEqual(1);
        expect(hook.maxInFlight.get(a.slug)).toBe(1);
        expect(hook.maxInFlight.get(b.slug)).toBe(1);
      } finally {
        runners.forEach((r) => r.kill('SIGTERM'));
        await hook.close();
      }
    },
  );
});
