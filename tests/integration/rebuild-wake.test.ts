import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  REBUILD_DEBOUNCE_MS,
  REBUILD_QUEUE,
  REBUILD_TASK,
  rebuildKey,
  requestSiteRebuild,
} from '../../src/cms/site-build/request';
import { armedRebuildWakes, rebuildWakesIdle } from '../../src/cms/site-build/wake';
import type { School } from '../../src/payload-types';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';
import { createDoc, createStaff, firstSchool, type Staff } from '../support/fixtures';

/**
 * A queued rebuild starts when its debounce ends, not at the site queue's
 * tick: this CMS has the config of a process that runs the job queues, but
 * Payload's cron ticks are not started (tests/support/cms.ts), so every build
 * seen here was started by the wake-up (src/cms/site-build/wake.ts).
 */
let cms: TestCms;
let staff: Staff;
let school: School;

/** A deploy hook that answers after `hook.delayMs`, remembering each call and how many ran at once. */
const hook = {
  delayMs: 200,
  calls: [] as { school: string; start: number; end: number }[],
  inFlight: 0,
  maxInFlight: 0,
  server: undefined as Server | undefined,
};

beforeAll(async () => {
  hook.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const start = Date.now();
      hook.inFlight++;
      hook.maxInFlight = Math.max(hook.maxInFlight, hook.inFlight);
      setTimeout(() => {
        hook.inFlight--;
        hook.calls.push({
          school: (JSON.parse(body || '{}') as { school?: string }).school ?? '?',
          start,
          end: Date.now(),
        });
        res.end('ok');
      }, hook.delayMs);
    });
  });
  await new Promise<void>((resolve) => hook.server!.listen(0, '127.0.0.1', resolve));
  process.env.SITE_DEPLOY_HOOK_URL = `http://127.0.0.1:${(hook.server.address() as { port: number }).port}/hook`;
  cms = await startTestCms({ runJobs: true });
  staff = await createStaff(cms.payload);
  school = await firstSchool(cms.payload);
});
afterAll(async () => {
  // The builds the tests started are over (each waits for them): no wake-up fires after the CMS stops.
  await settled();
  await cms?.stop();
  delete process.env.SITE_DEPLOY_HOOK_URL;
  await new Promise((resolve) => hook.server?.close(resolve));
});

async function rebuildJobs() {
  const { docs } = await cms.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { completedAt: { exists: false } }] },
    sort: 'waitUntil',
    limit: 100,
    depth: 0,
  });
  return docs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (generously: the machine may be loaded) until `done` holds; fails the test when it never does. */
async function until(done: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`still waiting: ${what}`);
    await sleep(100);
  }
}

/** The rebuild jobs due within the wake-up's horizon (not a post scheduled for next week). */
const dueSoon = async () =>
  (await rebuildJobs()).filter((j) => !j.waitUntil || Date.parse(j.waitUntil) < Date.now() + 10 * 60_000);

/** No rebuild due soon is left, no build is running and the wake-ups have nothing left to do. */
async function settled() {
  if (!cms) return;
  await until(
    async () => (await dueSoon()).length === 0 && hook.inFlight === 0 && rebuildWakesIdle(),
    'the rebuilds queued so far to finish',
  );
}

beforeEach(async () => {
  // The school's creation (createStaff) also asked for a build.
  await settled();
  await cms.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: REBUILD_TASK } } });
  hook.calls = [];
  hook.maxInFlight = 0;
  hook.delayMs = 200;
});

describe(`a rebuild starts when its debounce ends (${backendLabel[backend]})`, () => {
  it('without a tick: publishing arms a wake-up for the school, and the build runs after the debounce', async () => {
    // Payload started no cron in this process: nothing but the wake-up runs jobs here.
    expect(cms.payload.crons).toHaveLength(0);
    const asked = Date.now();
    await createDoc(cms.payload, 'articles', { by: staff.editor, status: 'published' });
    const wakes = armedRebuildWakes();
    expect(wakes.map((w) => w.key)).toEqual([rebuildKey(school.id)]);
    expect(wakes[0]!.at.getTime()).toBeGreaterThanOrEqual(asked + REBUILD_DEBOUNCE_MS);
    await until(async () => hook.calls.length === 1 && (await rebuildJobs()).length === 0, 'the build to run');
    expect(hook.calls[0]!.school).toBe(school.slug);
    // Not before the debounce ended: quick edits still have their window.
    expect(hook.calls[0]!.start).toBeGreaterThanOrEqual(asked + REBUILD_DEBOUNCE_MS);
    const status = (await cms.payload.find({ collection: 'site-builds', where: { school: { equals: school.id } } }))
      .docs[0];
    expect(status).toMatchObject({ state: 'idle' });
    expect(status?.lastSuccessAt).toBeTruthy();
  });

  it('quick edits still make one build', async () => {
    const doc = await createDoc(cms.payload, 'articles', { by: staff.editor, status: 'published' });
    for (let i = 0; i < 5; i++)
      await cms.payload.update({ collection: 'articles', id: doc.id, data: { excerpt: `Sửa nhanh lần ${i}` } });
    expect(await rebuildJobs()).toHaveLength(1);
    await until(async () => hook.calls.length === 1 && (await rebuildJobs()).length === 0, 'the merged build to run');
    // Every re-armed wake-up has fired by now; none of them started a second build.
    await until(() => armedRebuildWakes().length === 0, 'the wake-ups to fire');
    expect(hook.calls).toHaveLength(1);
  });

  it('a rebuild asked for during a build runs right after it, never beside it', async () => {
    // Longer than the debounce: the second rebuild is due while the first still builds.
    hook.delayMs = REBUILD_DEBOUNCE_MS + 1500;
    const doc = await createDoc(cms.payload, 'articles', { by: staff.editor, status: 'published' });
    await until(() => hook.inFlight === 1, 'the first build to start');
    await cms.payload.update({ collection: 'articles', id: doc.id, data: { excerpt: 'Sửa trong lúc dựng' } });
    await until(
      async () => hook.calls.length === 2 && (await rebuildJobs()).length === 0,
      'the second build to run',
      60_000,
    );
    expect(hook.maxInFlight).toBe(1);
    expect(hook.calls[1]!.start).toBeGreaterThanOrEqual(hook.calls[0]!.end);
  });

  it('a rebuild asked for during a build the tick started also runs right after it', async () => {
    hook.delayMs = REBUILD_DEBOUNCE_MS + 1500;
    await cms.payload.jobs.queue({
      task: REBUILD_TASK,
      queue: REBUILD_QUEUE,
      input: { school: String(school.id), reason: 'nhịp của hàng đợi' },
    });
    // What the site queue's tick does; no wake-up is armed for this job.
    const tick = cms.payload.jobs.run({ queue: REBUILD_QUEUE, limit: 1 });
    await until(() => hook.inFlight === 1, 'the first build to start');
    await requestSiteRebuild(cms.payload, { school: school.id, reason: 'sửa trong lúc dựng' });
    await tick;
    await until(
      async () => hook.calls.length === 2 && (await rebuildJobs()).length === 0,
      'the second build to run',
      60_000,
    );
    expect(hook.maxInFlight).toBe(1);
  });

  it('a job another runner already took is left to it', async () => {
    await requestSiteRebuild(cms.payload, { school: school.id, reason: 'đã có người nhận' });
    const [job] = await rebuildJobs();
    // As another runner's claim does it: processing, before this process's wake-up fires.
    await cms.payload.update({ collection: 'payload-jobs', id: job!.id, data: { processing: true } });
    await until(() => armedRebuildWakes().length === 0, 'the wake-up to fire');
    await sleep(500);
    expect(hook.calls).toHaveLength(0);
    expect((await cms.payload.findByID({ collection: 'payload-jobs', id: job!.id })).processing).toBe(true);
    await cms.payload.delete({ collection: 'payload-jobs', id: job!.id });
  });

  it('a post scheduled for next week arms no wake-up: the tick takes it then', async () => {
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    await requestSiteRebuild(cms.payload, { school: school.id, reason: 'bài hẹn giờ', at: nextWeek });
    expect(await rebuildJobs()).toHaveLength(1);
    expect(armedRebuildWakes()).toEqual([]);
    // Published now for later: the build now runs, and the one at its time stays queued, unarmed.
    await createDoc(cms.payload, 'articles', { by: staff.editor, status: 'published', publishedAt: nextWeek });
    await until(async () => hook.calls.length === 1 && (await dueSoon()).length === 0, 'the build of now to run');
    await until(rebuildWakesIdle, 'the wake-ups to finish');
    expect(armedRebuildWakes()).toEqual([]);
    const left = await rebuildJobs();
    expect(left.length).toBeGreaterThanOrEqual(1);
    for (const job of left) expect(Date.parse(job.waitUntil as string)).toBeGreaterThanOrEqual(nextWeek.getTime());
  });
});
