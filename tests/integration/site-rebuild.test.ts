import { createServer, type Server } from 'node:http';

import { handleEndpoints } from 'payload';
import { describe, expect, it } from 'vitest';

import { REBUILD_TASK } from '../../src/cms/site-build/request';
import { runSiteBuild } from '../../src/cms/site-build/run';
import { armedRebuildWakes } from '../../src/cms/site-build/wake';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { createDoc, firstSchool } from '../support/fixtures';

const ctx = useCmsWithStaff();

async function pendingRebuilds() {
  const { docs } = await ctx.cms.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { completedAt: { exists: false } }] },
    limit: 100,
    sort: 'waitUntil',
  });
  return docs;
}
/** The first school's build status (the staff of useCmsWithStaff work there). */
async function buildStatus() {
  const school = await firstSchool(ctx.cms.payload);
  const { docs } = await ctx.cms.payload.find({ collection: 'site-builds', where: { school: { equals: school.id } } });
  if (!docs[0]) throw new Error('no build status for the first school');
  return docs[0];
}
async function clearRebuilds() {
  await ctx.cms.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: REBUILD_TASK } } });
}

describe(`rebuild requests on ${backendLabel[backend]}`, () => {
  it('a draft save asks for nothing; publishing asks for one rebuild', async () => {
    await clearRebuilds();
    const doc = await createDoc(ctx.cms.payload, 'articles', { by: ctx.staff.contributor, status: 'draft' });
    await ctx.cms.payload.update({ collection: 'articles', id: doc.id, data: { title: 'Nháp sửa' }, draft: true });
    expect(await pendingRebuilds()).toHaveLength(0);
    await ctx.cms.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { _status: 'published' },
      user: ctx.staff.editor,
      overrideAccess: false,
    });
    expect(await pendingRebuilds()).toHaveLength(1);
    const status = await buildStatus();
    expect(status.state).toBe('pending');
    // This CMS does not run the job queues (as scripts and tests): no wake-up runs the job here.
    expect(armedRebuildWakes()).toEqual([]);
  });

  it('ten quick edits of published content make one build', async () => {
    await clearRebuilds();
    const doc = await createDoc(ctx.cms.payload, 'articles', { by: ctx.staff.editor, status: 'published' });
    for (let i = 0; i < 10; i++)
      await ctx.cms.payload.update({ collection: 'articles', id: doc.id, data: { excerpt: `Sửa lần ${i}` } });
    expect(await pendingRebuilds()).toHaveLength(1);
  });

  it('unpublishing and deleting ask for a rebuild', async () => {
    const doc = await createDoc(ctx.cms.payload, 'model-stories', { by: ctx.staff.editor, status: 'published' });
    await clearRebuilds();
    await ctx.cms.payload.update({ collection: 'model-stories', id: doc.id, data: { _status: 'draft' } });
    expect(await pendingRebuilds()).toHaveLength(1);
    await clearRebuilds();
    const other = await createDoc(ctx.cms.payload, 'teaching-resources', { by: ctx.staff.editor, status: 'published' });
    await clearRebuilds();
    await ctx.cms.payload.delete({ collection: 'teaching-resources', id: other.id });
    expect(await pendingRebuilds()).toHaveLength(1);
  });

  it('a post scheduled for later also asks for a rebuild at its time', async () => {
    await clearRebuilds();
    const later = new Date(Date.now() + 3 * 86_400_000);
    await createDoc(ctx.cms.payload, 'articles', { by: ctx.staff.editor, status: 'published', publishedAt: later });
    const jobs = await pendingRebuilds();
    expect(jobs).toHaveLength(2);
    expect(Date.parse(jobs[1]!.waitUntil as string)).toBeGreaterThanOrEqual(later.getTime());
  });

  it('"rebuild now" is for editors and admins only', async () => {
    await clearRebuilds();
    const post = async (user?: (typeof ctx.staff)['editor']) => {
      const headers = new Headers();
      if (user) {
        const { token } = await ctx.cms.payload.login({
          collection: 'users',
          data: { email: user.email as string, password: 'mat-khau-thu-nghiem-1' },
        });
        headers.set('authorization', `JWT ${token}`);
      }
      const request = new Request('http://localhost:3000/api/site-builds/rebuild', {
        method: 'POST',
        headers,
      });
      return (await handleEndpoints({ config: ctx.cms.config, request })).status;
    };
    expect(await post()).toBe(403);
    expect(await post(ctx.staff.contributor)).toBe(403);
    expect(await post(ctx.staff.editor)).toBe(202);
    expect(await pendingRebuilds()).toHaveLength(1);
  });

  it('nobody writes the build status through the API', async () => {
    await expect(
      ctx.cms.payload.update({
        collection: 'site-builds',
        where: {},
        data: { state: 'idle' },
        overrideAccess: false,
        user: ctx.staff.admin,
      }),
    ).rejects.toThrow();
  });
});

describe(`running a rebuild on ${backendLabel[backend]}`, () => {
  it('calls the deploy hook when one is configured, and records the success', async () => {
    const calls: string[] = [];
    const server: Server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const deployHookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    try {
      const school = await firstSchool(ctx.cms.payload);
      const outcome = await runSiteBuild(
        ctx.cms.payload,
        { school: school.id, reason: 'thử deploy hook' },
        { deployHookUrl, cmsUrl: 'unused', distRoot: 'unused' },
      );
      expect(outcome.ok).toBe(true);
      expect(calls).toEqual(['POST /hook']);
      const status = await buildStatus();
      expect(status).toMatchObject({ state: 'idle', lastReason: 'thử deploy hook' });
      expect(status.lastSuccessAt).toBeTruthy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('records a failure with its time, reason and log for editors', async () => {
    const school = await firstSchool(ctx.cms.payload);
    const outcome = await runSiteBuild(
      ctx.cms.payload,
      { school: school.id, reason: 'thử lỗi' },
      { deployHookUrl: 'http://127.0.0.1:9/hook', cmsUrl: 'unused', distRoot: 'unused' },
    );
    expect(outcome.ok).toBe(false);
    const status = await buildStatus();
    expect(status.lastFailureReason).toMatch(/Không gọi được deploy hook/);
    expect(status.lastFailureAt).toBeTruthy();
    expect(status.state).toBe('idle');
  });
});
