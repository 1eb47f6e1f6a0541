import type { CollectionSlug, TypedUser } from 'payload';
import { describe, expect, it } from 'vitest';

import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import {
  createDoc,
  EDITORIAL,
  type EditorialSlug,
  firstSchool,
  minimalData,
  setSchoolSettings,
} from '../support/fixtures';

/**
 * Every role × operation × editorial collection through the Local API with
 * overrideAccess: false, i.e. exactly the rules REST and GraphQL apply.
 */
type Actor = 'anonymous' | 'contributor' | 'editor' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'contributor', 'editor', 'admin'];

const EXPECTED: Record<string, Record<Actor, boolean>> = {
  // docs/ACCESS.md: a contributor reads only their own drafts, versions and scheduled items.
  "read another's draft": { anonymous: false, contributor: false, editor: true, admin: true },
  'read own draft': { anonymous: false, contributor: true, editor: true, admin: true },
  'read a published document': { anonymous: true, contributor: true, editor: true, admin: true },
  'read a document scheduled in the future': { anonymous: false, contributor: false, editor: true, admin: true },
  "read another's versions": { anonymous: false, contributor: false, editor: true, admin: true },
  'read own versions': { anonymous: false, contributor: true, editor: true, admin: true },
  'create a draft': { anonymous: false, contributor: true, editor: true, admin: true },
  'create already published': { anonymous: false, contributor: false, editor: true, admin: true },
  'update own draft': { anonymous: false, contributor: true, editor: true, admin: true },
  "update another's draft": { anonymous: false, contributor: false, editor: true, admin: true },
  'publish own draft': { anonymous: false, contributor: false, editor: true, admin: true },
  unpublish: { anonymous: false, contributor: false, editor: true, admin: true },
  'delete own draft': { anonymous: false, contributor: true, editor: true, admin: true },
  "delete another's document": { anonymous: false, contributor: false, editor: true, admin: true },
};

const ctx = useCmsWithStaff();

const userOf = (actor: Actor): TypedUser | undefined => (actor === 'anonymous' ? undefined : ctx.staff[actor]);
/** Someone other than the actor, who owns the "other's" document. */
const otherThan = (actor: Actor): TypedUser => (actor === 'contributor' ? ctx.staff.editor : ctx.staff.contributor);
/** The owner of an "own" document; anonymous owns nothing, so it targets a contributor's. */
const ownerFor = (actor: Actor): TypedUser => userOf(actor) ?? ctx.staff.contributor;

async function allowed(run: () => Promise<unknown>): Promise<boolean> {
  try {
    const result = await run();
    return result !== null && result !== undefined;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404 || status === 401) return false;
    throw error;
  }
}

type Operation = (c: EditorialSlug, actor: Actor) => Promise<boolean>;

const operations: Record<string, Operation> = {
  "read another's draft": async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: otherThan(actor), status: 'draft' });
    return allowed(() =>
      ctx.cms.payload.findByID({ collection: c, id: doc.id, draft: true, overrideAccess: false, user: userOf(actor) }),
    );
  },
  'read own draft': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'draft' });
    return allowed(() =>
      ctx.cms.payload.findByID({ collection: c, id: doc.id, draft: true, overrideAccess: false, user: userOf(actor) }),
    );
  },
  'read a published document': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ctx.staff.editor, status: 'published' });
    return allowed(() =>
      ctx.cms.payload.findByID({ collection: c, id: doc.id, overrideAccess: false, user: userOf(actor) }),
    );
  },
  'read a document scheduled in the future': async (c, actor) => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const doc = await createDoc(ctx.cms.payload, c, {
      by: ctx.staff.editor,
      status: 'published',
      publishedAt: tomorrow,
    });
    return allowed(() =>
      ctx.cms.payload.findByID({ collection: c, id: doc.id, overrideAccess: false, user: userOf(actor) }),
    );
  },
  "read another's versions": async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: otherThan(actor), status: 'draft' });
    return allowed(async () => {
      const { docs } = await ctx.cms.payload.findVersions({
        collection: c,
        where: { parent: { equals: doc.id } },
        overrideAccess: false,
        user: userOf(actor),
      });
      return docs.length > 0 ? docs : null;
    });
  },
  'read own versions': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'draft' });
    return allowed(async () => {
      const { docs } = await ctx.cms.payload.findVersions({
        collection: c,
        where: { parent: { equals: doc.id } },
        overrideAccess: false,
        user: userOf(actor),
      });
      return docs.length > 0 ? docs : null;
    });
  },
  'create a draft': (c, actor) =>
    allowed(() =>
      ctx.cms.payload.create({
        collection: c,
        data: { ...minimalData[c] },
        draft: true,
        overrideAccess: false,
        user: userOf(actor),
      }),
    ),
  'create already published': async (c, actor) => {
    const ok = await allowed(() =>
      ctx.cms.payload.create({
        collection: c,
        data: { ...minimalData[c], _status: 'published' },
        overrideAccess: false,
        user: userOf(actor),
      }),
    );
    return ok;
  },
  'update own draft': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'draft' });
    return allowed(() =>
      ctx.cms.payload.update({
        collection: c,
        id: doc.id,
        data: { title: 'Đã sửa' },
        draft: true,
        overrideAccess: false,
        user: userOf(actor),
      }),
    );
  },
  "update another's draft": async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: otherThan(actor), status: 'draft' });
    return allowed(() =>
      ctx.cms.payload.update({
        collection: c,
        id: doc.id,
        data: { title: 'Đã sửa' },
        draft: true,
        overrideAccess: false,
        user: userOf(actor),
      }),
    );
  },
  'publish own draft': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'draft' });
    const ok = await allowed(() =>
      ctx.cms.payload.update({
        collection: c,
        id: doc.id,
        data: { _status: 'published' },
        overrideAccess: false,
        user: userOf(actor),
      }),
    );
    const after = await ctx.cms.payload.findByID({ collection: c, id: doc.id });
    expect(after._status, 'the stored status agrees with the access decision').toBe(ok ? 'published' : 'draft');
    return ok;
  },
  unpublish: async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'published' });
    const ok = await allowed(() =>
      ctx.cms.payload.update({
        collection: c,
        id: doc.id,
        data: { _status: 'draft' },
        overrideAccess: false,
        user: userOf(actor),
      }),
    );
    const after = await ctx.cms.payload.findByID({ collection: c, id: doc.id });
    expect(after._status).toBe(ok ? 'draft' : 'published');
    return ok;
  },
  'delete own draft': async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: ownerFor(actor), status: 'draft' });
    return allowed(() =>
      ctx.cms.payload.delete({ collection: c, id: doc.id, overrideAccess: false, user: userOf(actor) }),
    );
  },
  "delete another's document": async (c, actor) => {
    const doc = await createDoc(ctx.cms.payload, c, { by: otherThan(actor), status: 'published' });
    const ok = await allowed(() =>
      ctx.cms.payload.delete({ collection: c, id: doc.id, overrideAccess: false, user: userOf(actor) }),
    );
    const { totalDocs } = await ctx.cms.payload.count({ collection: c, where: { id: { equals: doc.id } } });
    expect(totalDocs).toBe(ok ? 0 : 1);
    return ok;
  },
};

describe(`access matrix on ${backendLabel[backend]}`, () => {
  for (const collection of EDITORIAL) {
    describe(collection, () => {
      for (const [operation, expected] of Object.entries(EXPECTED)) {
        for (const actor of ACTORS) {
          const verb = expected[actor] ? 'may' : 'may not';
          it(`${actor} ${verb} ${operation}`, async () => {
            expect(await operations[operation]!(collection, actor)).toBe(expected[actor]);
          });
        }
      }
    });
  }

  it('anonymous lists see only published documents whose date has come', async () => {
    const c: CollectionSlug = 'articles';
    const past = await createDoc(ctx.cms.payload, 'articles', {
      by: ctx.staff.editor,
      status: 'published',
      title: 'Đã đăng',
    });
    const draft = await createDoc(ctx.cms.payload, 'articles', {
      by: ctx.staff.editor,
      status: 'draft',
      title: 'Nháp',
    });
    const future = await createDoc(ctx.cms.payload, 'articles', {
      by: ctx.staff.editor,
      status: 'published',
      publishedAt: new Date(Date.now() + 86_400_000),
      title: 'Hẹn giờ',
    });
    const { docs } = await ctx.cms.payload.find({ collection: c, overrideAccess: false, draft: true, limit: 1000 });
    const ids = docs.map((d) => d.id);
    expect(ids).toContain(past.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(future.id);
  });
});

describe('access outside the editorial collections', () => {
  const can = (run: () => Promise<unknown>) => allowed(run);

  it('topics: everyone reads, only editors and admins write', async () => {
    const topic = await ctx.cms.payload.create({ collection: 'topics', data: { title: 'Gia đình hạnh phúc' } });
    expect(
      await can(() => ctx.cms.payload.findByID({ collection: 'topics', id: topic.id, overrideAccess: false })),
    ).toBe(true);
    expect(
      await can(() => ctx.cms.payload.create({ collection: 'topics', data: { title: 'X' }, overrideAccess: false })),
    ).toBe(false);
    expect(
      await can(() =>
        ctx.cms.payload.create({
          collection: 'topics',
          data: { title: 'X' },
          overrideAccess: false,
          user: ctx.staff.contributor,
        }),
      ),
    ).toBe(false);
    expect(
      await can(() =>
        ctx.cms.payload.create({
          collection: 'topics',
          data: { title: 'Y' },
          overrideAccess: false,
          user: ctx.staff.editor,
        }),
      ),
    ).toBe(true);
  });

  it('users: hidden from anonymous; only admins create accounts or change roles', async () => {
    expect(
      await can(async () => (await ctx.cms.payload.find({ collection: 'users', overrideAccess: false })).docs[0]),
    ).toBe(false);
    expect(
      await can(() => ctx.cms.payload.findByID({ collection: 'users', id: ctx.staff.admin.id, overrideAccess: false })),
    ).toBe(false);
    const newUser = {
      email: 'moi@truong.test',
      password: 'mat-khau-thu-nghiem-2',
      name: 'Mới',
      schools: [{ school: (await firstSchool(ctx.cms.payload)).id, role: 'contributor' as const }],
    };
    expect(
      await can(() =>
        ctx.cms.payload.create({ collection: 'users', data: newUser, overrideAccess: false, user: ctx.staff.editor }),
      ),
    ).toBe(false);

    // A contributor may edit their own name but their role silently stays.
    const schoolId = (await firstSchool(ctx.cms.payload)).id;
    const self = await ctx.cms.payload.update({
      collection: 'users',
      id: ctx.staff.contributor.id,
      data: { name: 'Cộng tác viên Lan', schools: [{ school: schoolId, role: 'admin' }] },
      overrideAccess: false,
      user: ctx.staff.contributor,
    });
    expect(self.name).toBe('Cộng tác viên Lan');
    expect(self.schools?.map((m) => m.role)).toEqual(['contributor']);
    expect(
      await can(() =>
        ctx.cms.payload.update({
          collection: 'users',
          id: ctx.staff.editor.id,
          data: { name: 'X' },
          overrideAccess: false,
          user: ctx.staff.contributor,
        }),
      ),
    ).toBe(false);

    const promoted = await ctx.cms.payload.update({
      collection: 'users',
      id: ctx.staff.contributor.id,
      data: { schools: [{ school: schoolId, role: 'editor' }] },
      overrideAccess: false,
      user: ctx.staff.admin,
    });
    expect(promoted.schools?.map((m) => m.role)).toEqual(['editor']);
    await ctx.cms.payload.update({
      collection: 'users',
      id: ctx.staff.contributor.id,
      data: { schools: [{ school: schoolId, role: 'contributor' }] },
    });
  });

  it("a school's settings: public to read (its readers' site needs the policy); only its admins change them", async () => {
    const school = await firstSchool(ctx.cms.payload);
    const read = await ctx.cms.payload.findByID({ collection: 'schools', id: school.id, overrideAccess: false });
    expect(read.reportingStartQuarter).toBe(school.reportingStartQuarter);
    expect(
      await can(() =>
        setSchoolSettings(
          ctx.cms.payload,
          { minimumItemsPerQuarter: 2 },
          { overrideAccess: false, user: ctx.staff.editor },
        ),
      ),
    ).toBe(false);
    const updated = await setSchoolSettings(
      ctx.cms.payload,
      { minimumItemsPerQuarter: 2 },
      { overrideAccess: false, user: ctx.staff.admin },
    );
    expect(updated.minimumItemsPerQuarter).toBe(2);
    await setSchoolSettings(ctx.cms.payload, { minimumItemsPerQuarter: 1 });
  });
});
